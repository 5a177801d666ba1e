package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v2/tasks}, {@code GET/DELETE /v2/apps/{id}/tasks}: {@code {"tasks": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskList(List<Task> tasks) {
  public TaskList {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }
}
