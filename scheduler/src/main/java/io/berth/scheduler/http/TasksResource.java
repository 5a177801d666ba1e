package io.berth.scheduler.http;

import io.berth.api.model.Task;
import io.berth.scheduler.engine.TaskQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /v2/tasks}: every task, optionally only those in the given states ({@code status=running}). */
@Path("/v2/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TasksResource {

  private final TaskQueries tasks;

  @Inject
  TasksResource(TaskQueries tasks) {
    this.tasks = tasks;
  }

  @GET
  public Map<String, List<Task>> list(@QueryParam("status") List<String> status,
      @QueryParam("status[]") List<String> statusArray) {
    Set<String> wanted = new HashSet<>();
    for (List<String> l : List.of(status, statusArray)) {
      for (String s : l) {
        for (String part : s.split(",")) {
          if (!part.isBlank()) {
            wanted.add("TASK_" + part.trim().toUpperCase(Locale.ROOT).replaceFirst("^TASK_", ""));
          }
        }
      }
    }
    return Map.of("tasks", tasks.allTasks().stream()
        .filter(t -> wanted.isEmpty() || wanted.contains(t.state())).toList());
  }
}
