package io.berth.scheduler.http;

import io.berth.api.model.PathId;
import io.berth.api.model.Task;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.engine.TaskKiller;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/apps/{id}/tasks}: the tasks of one app, and killing them. A kill without {@code scale}
 * is replaced (the app keeps its instance count); with {@code scale=true} the count drops and the
 * answer is a deployment result. {@code wipe} is accepted: with no resident tasks it is a kill.
 */
@Path("/v2/apps/{id:.+}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class AppTasksResource {

  private final AppService apps;
  private final TaskQueries tasks;
  private final TaskKiller killer;

  @Inject
  AppTasksResource(AppService apps, TaskQueries tasks, TaskKiller killer) {
    this.apps = apps;
    this.tasks = tasks;
    this.killer = killer;
  }

  @GET
  public Map<String, List<Task>> list(@PathParam("id") String rawId) {
    return Map.of("tasks", tasks.tasks(existing(rawId)));
  }

  @DELETE
  public Response killAll(@PathParam("id") String rawId, @QueryParam("host") String host,
      @QueryParam("scale") @DefaultValue("false") boolean scale,
      @QueryParam("wipe") @DefaultValue("false") boolean wipe) {
    String id = existing(rawId);
    List<String> ids = tasks.tasks(id).stream()
        .filter(t -> host == null || host.isBlank() || "*".equals(host) || host.equals(t.host()))
        .map(Task::id).toList();
    return answer(killer.kill(id, ids, scale), scale, false);
  }

  @DELETE
  @Path("{taskId}")
  public Response kill(@PathParam("id") String rawId, @PathParam("taskId") String taskId,
      @QueryParam("scale") @DefaultValue("false") boolean scale,
      @QueryParam("wipe") @DefaultValue("false") boolean wipe) {
    String id = existing(rawId);
    if (tasks.tasks(id).stream().noneMatch(t -> t.id().equals(taskId))) {
      throw ApiException.notFound("Task '" + taskId + "' does not exist");
    }
    return answer(killer.kill(id, List.of(taskId), scale), scale, true);
  }

  private static Response answer(TaskKiller.Killed killed, boolean scale, boolean single) {
    if (scale && killed.scaleChange() != null) {
      return Response.ok(killed.scaleChange().result())
          .header(AppsResource.DEPLOYMENT_HEADER, killed.scaleChange().deploymentId()).build();
    }
    if (single) {
      if (killed.tasks().isEmpty()) {
        throw ApiException.notFound("Task does not exist any more");
      }
      return Response.ok(Map.of("task", killed.tasks().get(0))).build();
    }
    return Response.ok(Map.of("tasks", killed.tasks())).build();
  }

  private String existing(String rawId) {
    String id = PathId.canonical(rawId);
    if (apps.get(id).isEmpty()) {
      throw AppsResource.notFound(rawId);
    }
    return id;
  }
}
