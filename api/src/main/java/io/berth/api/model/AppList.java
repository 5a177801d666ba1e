package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v2/apps}: {@code {"apps": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppList(List<App> apps) {
  public AppList {
    apps = apps == null ? List.of() : List.copyOf(apps);
  }
}
