package io.berth.deploy.cli;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
import io.berth.api.model.Task;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an app, as {@code GET /v2/apps/{id}} shows it, has finished deploying. Pure.
 *
 * <p>Ready means: {@code tasksRunning == instances}; {@code tasksHealthy == instances} when the app
 * has health checks; no deployment listed for it; and, when the answer embeds the tasks, none of
 * them older than the app's last configuration change ({@code versionInfo.lastConfigChangeAt}).
 * The last rule matters right after a {@code PUT}: the old tasks still run and are counted until
 * the server starts replacing them. With {@code expectedVersion} (what the {@code PUT} answered),
 * an answer showing an older version of the app is not ready either.
 */
record Readiness(boolean ready, String summary) {

  private static final Set<String> ENDED = Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST",
      "TASK_ERROR", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR");

  static Readiness of(App app) {
    return of(app, null);
  }

  static Readiness of(App app, String expectedVersion) {
    int instances = value(app.instances());
    int running = value(app.tasksRunning());
    int healthy = value(app.tasksHealthy());
    boolean checked = app.healthChecks() != null && !app.healthChecks().isEmpty();
    List<DeploymentRef> deployments = app.deployments() == null ? List.of() : app.deployments();
    long old = oldTasks(app);
    boolean stale = expectedVersion != null && app.version() != null && before(app.version(), expectedVersion);
    boolean ready = running == instances && (!checked || healthy == instances) && deployments.isEmpty()
        && old == 0 && !stale;
    StringBuilder s = new StringBuilder(app.id()).append(": ")
        .append(running).append('/').append(instances).append(" running");
    if (checked) {
      s.append(", ").append(healthy).append('/').append(instances).append(" healthy");
    }
    if (old > 0) {
      s.append(", ").append(old).append(" of an older version still up");
    }
    if (!deployments.isEmpty()) {
      s.append(", deployments in progress: ")
          .append(deployments.stream().map(DeploymentRef::id).collect(Collectors.joining(", ")));
    }
    if (stale) {
      s.append(", server still shows version ").append(app.version());
    }
    return new Readiness(ready, s.toString());
  }

  /** Live tasks started from a configuration older than the app's current one. */
  private static long oldTasks(App app) {
    String since = app.versionInfo() == null ? null : app.versionInfo().lastConfigChangeAt();
    if (app.tasks() == null || since == null) {
      return 0;
    }
    return app.tasks().stream()
        .filter(t -> t.state() == null || !ENDED.contains(t.state()))
        .map(Task::version)
        .filter(v -> v != null && before(v, since))
        .count();
  }

  /** ISO-8601 instants compared as instants; as text if either does not parse. */
  static boolean before(String a, String b) {
    try {
      return Instant.parse(a).isBefore(Instant.parse(b));
    } catch (DateTimeParseException e) {
      return a.compareTo(b) < 0;
    }
  }

  private static int value(Integer n) {
    return n == null ? 0 : n;
  }
}
