package io.berth.scheduler.http;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
import io.berth.scheduler.engine.TaskQueries;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Decorates stored definitions with Marathon's status fields, as the {@code embed} parameters ask. */
public final class AppViews {

  enum Embed { COUNTS, DEPLOYMENTS, TASKS, LAST_TASK_FAILURE }

  static final Set<Embed> SINGLE_APP = Set.of(Embed.values());
  static final Set<Embed> DEFAULT_LIST = java.util.EnumSet.of(Embed.COUNTS, Embed.DEPLOYMENTS);

  private final TaskQueries tasks;

  @Inject
  AppViews(TaskQueries tasks) {
    this.tasks = tasks;
  }

  /** Marathon embeds counts and deployments in every list; tasks and failures on request. */
  static Set<Embed> forList(List<String> embed) {
    java.util.EnumSet<Embed> out = java.util.EnumSet.of(Embed.COUNTS, Embed.DEPLOYMENTS);
    for (String e : embed) {
      for (String part : e.split(",")) {
        switch (part.trim()) {
          case "apps.tasks", "app.tasks" -> out.add(Embed.TASKS);
          case "apps.lastTaskFailure", "app.lastTaskFailure", "apps.failures" -> out.add(Embed.LAST_TASK_FAILURE);
          default -> { } // apps.counts, apps.deployments: always; others: not tracked yet
        }
      }
    }
    return out;
  }

  App view(App app, Set<Embed> embed) {
    App.Builder b = app.toBuilder();
    decorate(b, app, embed);
    return b.build();
  }

  TaskQueries.Counts counts(App app) {
    return tasks.counts(app.id());
  }

  /** Only the status fields of {@link #view}: what {@link AppListWriter} splices into cached JSON. */
  App status(App app, Set<Embed> embed) {
    App.Builder b = App.builder();
    decorate(b, app, embed);
    return b.build();
  }

  private void decorate(App.Builder b, App app, Set<Embed> embed) {
    if (embed.contains(Embed.COUNTS)) {
      TaskQueries.Counts c = tasks.counts(app.id());
      b.tasksStaged(c.staged()).tasksRunning(c.running()).tasksHealthy(c.healthy()).tasksUnhealthy(c.unhealthy());
    }
    if (embed.contains(Embed.DEPLOYMENTS)) {
      b.deployments(List.<DeploymentRef>of());
    }
    if (embed.contains(Embed.TASKS)) {
      b.tasks(tasks.tasks(app.id()));
    }
    if (embed.contains(Embed.LAST_TASK_FAILURE)) {
      tasks.lastFailure(app.id()).ifPresent(b::lastTaskFailure);
    }
  }
}
