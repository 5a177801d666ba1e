package io.berth.scheduler.engine;

import io.berth.api.model.Task;
import io.berth.api.model.TaskFailure;
import java.util.List;
import java.util.Optional;

/** What the API can ask about the tasks of apps. */
public interface TaskQueries {

  List<Task> tasks(String appId);

  List<Task> allTasks();

  Optional<TaskFailure> lastFailure(String appId);

  Counts counts(String appId);

  /** Marathon's per-app counters. */
  record Counts(int staged, int running, int healthy, int unhealthy) {
    public static final Counts NONE = new Counts(0, 0, 0, 0);
  }

  /** No cluster attached yet: no tasks anywhere. */
  TaskQueries NONE = new TaskQueries() {
    @Override
    public List<Task> tasks(String appId) {
      return List.of();
    }

    @Override
    public List<Task> allTasks() {
      return List.of();
    }

    @Override
    public Optional<TaskFailure> lastFailure(String appId) {
      return Optional.empty();
    }

    @Override
    public Counts counts(String appId) {
      return Counts.NONE;
    }
  };
}
