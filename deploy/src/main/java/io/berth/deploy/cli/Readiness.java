package io.berth.deploy.cli;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether an app, as {@code GET /v2/apps/{id}} shows it, has finished deploying: {@code tasksRunning}
 * equals {@code instances}, so does {@code tasksHealthy} when the app has health checks, and no
 * deployment is listed for it. Pure.
 */
record Readiness(boolean ready, String summary) {

  static Readiness of(App app) {
    int instances = value(app.instances());
    int running = value(app.tasksRunning());
    int healthy = value(app.tasksHealthy());
    boolean checked = app.healthChecks() != null && !app.healthChecks().isEmpty();
    List<DeploymentRef> listed = app.deployments() == null ? List.of() : app.deployments();
    int deployments = listed.size();
    boolean ready = running == instances && (!checked || healthy == instances) && deployments == 0;
    StringBuilder s = new StringBuilder(app.id()).append(": ")
        .append(running).append('/').append(instances).append(" running");
    if (checked) {
      s.append(", ").append(healthy).append('/').append(instances).append(" healthy");
    }
    if (deployments > 0) {
      s.append(", deployments in progress: ")
          .append(listed.stream().map(DeploymentRef::id).collect(Collectors.joining(", ")));
    }
    return new Readiness(ready, s.toString());
  }

  private static int value(Integer n) {
    return n == null ? 0 : n;
  }
}
