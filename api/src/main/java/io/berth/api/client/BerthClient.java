package io.berth.api.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.berth.api.model.App;
import io.berth.api.model.AppEnvelope;
import io.berth.api.model.AppList;
import io.berth.api.model.Deployment;
import io.berth.api.model.DeploymentResult;
import io.berth.api.model.Group;
import io.berth.api.model.Info;
import io.berth.api.model.Leader;
import io.berth.api.model.QueueList;
import io.berth.api.model.TaskEnvelope;
import io.berth.api.model.TaskList;
import io.berth.api.model.VersionList;
import java.util.List;

/**
 * The Marathon v2 API of Berth (and of Marathon), as a Feign interface. Build one with
 * {@link BerthClients}; every error status arrives as an {@link ApiException}.
 *
 * <p>App, group and task ids go into paths percent-encoded as one segment, leading slash included
 * ({@code /team/web} becomes {@code /v2/apps/%2Fteam%2Fweb}), as the Jenkins Marathon plugin sends
 * them: unambiguous even for an app whose last segment is {@code tasks} or {@code versions}. A
 * {@code null} query argument leaves that parameter out.
 */
@Headers("Accept: application/json")
public interface BerthClient {

  // ---- apps

  /**
   * {@code GET /v2/apps}: apps, filtered by {@code id} (substring of the path id) and a {@code label}
   * selector ({@code env==prod}); {@code embed} adds status such as {@code apps.tasks}, {@code apps.counts}.
   */
  @RequestLine("GET /v2/apps?embed={embed}&id={id}&label={label}")
  AppList apps(@Param("embed") List<String> embed, @Param("id") String id, @Param("label") String label);

  /** {@code GET /v2/apps}: every app. */
  default AppList apps() {
    return apps(null, null, null);
  }

  /** {@code POST /v2/apps}: creates and starts an app; answers the stored definition. 409 if the id exists. */
  @RequestLine("POST /v2/apps")
  @Headers("Content-Type: application/json")
  App createApp(App app);

  /** {@code GET /v2/apps/{id}}, with optional {@code embed} (e.g. {@code app.tasks}). */
  @RequestLine(value = "GET /v2/apps/{appId}?embed={embed}", decodeSlash = false)
  AppEnvelope app(@Param("appId") String appId, @Param("embed") List<String> embed);

  /** {@code GET /v2/apps/{id}}. */
  default AppEnvelope app(String appId) {
    return app(appId, null);
  }

  /**
   * {@code PUT /v2/apps/{id}}: creates or replaces the app. With {@code partialUpdate} true (Marathon's
   * default when {@code null}) only the given fields change; {@code force} overrides a running deployment.
   */
  @RequestLine(value = "PUT /v2/apps/{appId}?force={force}&partialUpdate={partialUpdate}", decodeSlash = false)
  @Headers("Content-Type: application/json")
  DeploymentResult updateApp(@Param("appId") String appId, App app, @Param("force") Boolean force,
      @Param("partialUpdate") Boolean partialUpdate);

  /** {@code PUT /v2/apps/{id}} with Marathon's defaults (partial update, no force). */
  default DeploymentResult updateApp(String appId, App app) {
    return updateApp(appId, app, null, null);
  }

  /** {@code PATCH /v2/apps/{id}}: changes only the given fields. */
  @RequestLine(value = "PATCH /v2/apps/{appId}?force={force}", decodeSlash = false)
  @Headers("Content-Type: application/json")
  DeploymentResult patchApp(@Param("appId") String appId, App patch, @Param("force") Boolean force);

  /** {@code DELETE /v2/apps/{id}}: destroys the app and its tasks. */
  @RequestLine(value = "DELETE /v2/apps/{appId}?force={force}", decodeSlash = false)
  DeploymentResult deleteApp(@Param("appId") String appId, @Param("force") Boolean force);

  /** {@code DELETE /v2/apps/{id}} without force. */
  default DeploymentResult deleteApp(String appId) {
    return deleteApp(appId, null);
  }

  /** {@code POST /v2/apps/{id}/restart}: replaces every task, rolling as the upgrade strategy says. */
  @RequestLine(value = "POST /v2/apps/{appId}/restart?force={force}", decodeSlash = false)
  DeploymentResult restartApp(@Param("appId") String appId, @Param("force") Boolean force);

  /** {@code GET /v2/apps/{id}/versions}. */
  @RequestLine(value = "GET /v2/apps/{appId}/versions", decodeSlash = false)
  VersionList appVersions(@Param("appId") String appId);

  /** {@code GET /v2/apps/{id}/versions/{version}}: the definition as it was at that version. */
  @RequestLine(value = "GET /v2/apps/{appId}/versions/{version}", decodeSlash = false)
  App appVersion(@Param("appId") String appId, @Param("version") String version);

  // ---- tasks

  /** {@code GET /v2/apps/{id}/tasks}. */
  @RequestLine(value = "GET /v2/apps/{appId}/tasks", decodeSlash = false)
  TaskList appTasks(@Param("appId") String appId);

  /**
   * {@code DELETE /v2/apps/{id}/tasks}: kills the app's tasks (on {@code host} only, when given), which
   * are then replaced; {@code wipe} also forgets them. Answers the killed tasks.
   */
  @RequestLine(value = "DELETE /v2/apps/{appId}/tasks?host={host}&wipe={wipe}", decodeSlash = false)
  TaskList killTasks(@Param("appId") String appId, @Param("host") String host, @Param("wipe") Boolean wipe);

  /** {@code DELETE /v2/apps/{id}/tasks?scale=true}: kills the tasks and lowers {@code instances} to match. */
  @RequestLine(value = "DELETE /v2/apps/{appId}/tasks?host={host}&scale=true", decodeSlash = false)
  DeploymentResult killTasksAndScale(@Param("appId") String appId, @Param("host") String host);

  /** {@code DELETE /v2/apps/{id}/tasks/{taskId}}: kills one task, which is then replaced. */
  @RequestLine(value = "DELETE /v2/apps/{appId}/tasks/{taskId}?wipe={wipe}", decodeSlash = false)
  TaskEnvelope killTask(@Param("appId") String appId, @Param("taskId") String taskId,
      @Param("wipe") Boolean wipe);

  /** {@code DELETE /v2/apps/{id}/tasks/{taskId}?scale=true}: kills one task and lowers {@code instances}. */
  @RequestLine(value = "DELETE /v2/apps/{appId}/tasks/{taskId}?scale=true", decodeSlash = false)
  DeploymentResult killTaskAndScale(@Param("appId") String appId, @Param("taskId") String taskId);

  /** {@code GET /v2/tasks}, optionally only those in {@code status} ({@code running}, {@code staging}, …). */
  @RequestLine("GET /v2/tasks?status={status}")
  TaskList tasks(@Param("status") String status);

  // ---- groups

  /** {@code GET /v2/groups}: the root group. */
  @RequestLine("GET /v2/groups")
  Group rootGroup();

  /** {@code GET /v2/groups/{id}}. */
  @RequestLine(value = "GET /v2/groups/{groupId}", decodeSlash = false)
  Group group(@Param("groupId") String groupId);

  // ---- deployments

  /** {@code GET /v2/deployments}: the running deployments. */
  @RequestLine("GET /v2/deployments")
  List<Deployment> deployments();

  /** {@code DELETE /v2/deployments/{id}}: stops the deployment and starts one back to the previous state. */
  @RequestLine(value = "DELETE /v2/deployments/{deploymentId}", decodeSlash = false)
  DeploymentResult rollBackDeployment(@Param("deploymentId") String deploymentId);

  /** {@code DELETE /v2/deployments/{id}?force=true}: only stops it (apps may be left with mixed versions). */
  @RequestLine(value = "DELETE /v2/deployments/{deploymentId}?force=true", decodeSlash = false)
  void cancelDeployment(@Param("deploymentId") String deploymentId);

  // ---- queue, info, leader, ping

  /** {@code GET /v2/queue}: instances waiting to launch, with their backoff and offer summary. */
  @RequestLine("GET /v2/queue")
  QueueList queue();

  /** {@code GET /v2/info}. */
  @RequestLine("GET /v2/info")
  Info info();

  /** {@code GET /v2/leader}; 404 when there is none. */
  @RequestLine("GET /v2/leader")
  Leader leader();

  /** {@code GET /ping}: {@code pong} while the server is up. */
  @RequestLine("GET /ping")
  @Headers("Accept: text/plain, */*")
  String ping();
}
