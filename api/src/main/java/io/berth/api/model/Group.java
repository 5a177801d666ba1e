package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A group of apps, derived from their path ids; {@code /} is the root. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(String id, List<App> apps, List<Group> groups, List<String> dependencies, String version) {
  public Group {
    apps = apps == null ? List.of() : List.copyOf(apps);
    groups = groups == null ? List.of() : List.copyOf(groups);
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }
}
