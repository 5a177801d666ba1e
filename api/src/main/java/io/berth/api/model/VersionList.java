package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v2/apps/{id}/versions}: {@code {"versions": ["2014-03-01T23:42:20.938Z", ...]}}, newest first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionList(List<String> versions) {
  public VersionList {
    versions = versions == null ? List.of() : List.copyOf(versions);
  }
}
