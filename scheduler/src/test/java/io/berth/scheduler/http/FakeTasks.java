package io.berth.scheduler.http;

import io.berth.api.model.Task;
import io.berth.api.model.TaskFailure;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.engine.TaskKiller;
import io.berth.scheduler.engine.TaskQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tasks a test says are there, instead of a cluster running them; killing one removes it. */
final class FakeTasks implements TaskQueries, TaskKiller {

  private AppService apps;

  private final List<Task> tasks = new CopyOnWriteArrayList<>();
  private final Map<String, TaskFailure> failures = new ConcurrentHashMap<>();

  /** A task of {@code appId} in Mesos state {@code state} (TASK_RUNNING, TASK_STAGING, …) on {@code host}. */
  Task add(String taskId, String appId, String state, String host) {
    Task t = new Task(taskId, appId, host, List.of(31000), List.of(10000), "agent-1", "agent-1", state,
        "2026-03-01T12:00:01.000Z", null, "2026-03-01T12:00:00.000Z", null, null);
    tasks.add(t);
    return t;
  }

  void failed(String appId, String message) {
    failures.put(appId, new TaskFailure(appId, "host-1", message, "TASK_FAILED", appId + ".1",
        "2026-03-01T12:00:02.000Z", "2026-03-01T12:00:00.000Z", "agent-1"));
  }

  @Override
  public List<Task> tasks(String appId) {
    return tasks.stream().filter(t -> t.appId().equals(appId)).toList();
  }

  @Override
  public List<Task> allTasks() {
    return List.copyOf(tasks);
  }

  @Override
  public Optional<TaskFailure> lastFailure(String appId) {
    return Optional.ofNullable(failures.get(appId));
  }

  @Override
  public Counts counts(String appId) {
    List<Task> mine = tasks(appId);
    int staged = (int) mine.stream().filter(t -> t.state().equals("TASK_STAGING")).count();
    int running = (int) mine.stream().filter(t -> t.state().equals("TASK_RUNNING")).count();
    return new Counts(staged, running, 0, 0);
  }

  /** Kills with {@code scale=true} lower the app's instances through this service. */
  void scaleThrough(AppService service) {
    this.apps = service;
  }

  @Override
  public Killed kill(String appId, List<String> taskIds, boolean scale) {
    List<Task> killed = tasks.stream().filter(t -> t.appId().equals(appId) && taskIds.contains(t.id())).toList();
    tasks.removeAll(killed);
    AppService.Change change = null;
    if (scale && !killed.isEmpty() && apps != null) {
      change = apps.get(appId).flatMap(a -> apps.update(a.withInstances(a.instances() - killed.size()))).orElse(null);
    }
    return new Killed(killed, change);
  }

  @Override
  public boolean resetDelay(String appId) {
    return false;
  }
}
