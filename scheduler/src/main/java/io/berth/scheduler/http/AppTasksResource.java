package io.berth.scheduler.http;

import io.berth.api.model.PathId;
import io.berth.api.model.Task;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.engine.TaskQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /v2/apps/{id}/tasks}: the tasks of one app. */
@Path("/v2/apps/{id:.+}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class AppTasksResource {

  private final AppService apps;
  private final TaskQueries tasks;

  @Inject
  AppTasksResource(AppService apps, TaskQueries tasks) {
    this.apps = apps;
    this.tasks = tasks;
  }

  @GET
  public Map<String, List<Task>> list(@PathParam("id") String rawId) {
    return Map.of("tasks", tasks.tasks(existing(rawId)));
  }

  @DELETE
  public Map<String, List<Task>> killAll(@PathParam("id") String rawId, @QueryParam("host") String host,
      @QueryParam("scale") @DefaultValue("false") boolean scale,
      @QueryParam("wipe") @DefaultValue("false") boolean wipe) {
    String id = existing(rawId);
    List<Task> matching = tasks.tasks(id).stream().filter(t -> host == null || host.equals(t.host())).toList();
    if (!matching.isEmpty()) {
      throw new ApiException(503, io.berth.api.model.ErrorBody.of("No cluster is attached to kill tasks"));
    }
    return Map.of("tasks", matching);
  }

  @DELETE
  @Path("{taskId}")
  public Map<String, Task> kill(@PathParam("id") String rawId, @PathParam("taskId") String taskId,
      @QueryParam("scale") @DefaultValue("false") boolean scale,
      @QueryParam("wipe") @DefaultValue("false") boolean wipe) {
    String id = existing(rawId);
    tasks.tasks(id).stream().filter(t -> t.id().equals(taskId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("Task '" + taskId + "' does not exist"));
    throw new ApiException(503, io.berth.api.model.ErrorBody.of("No cluster is attached to kill tasks"));
  }

  private String existing(String rawId) {
    String id = PathId.canonical(rawId);
    if (apps.get(id).isEmpty()) {
      throw AppsResource.notFound(rawId);
    }
    return id;
  }
}
