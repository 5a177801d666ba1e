package io.berth.scheduler.cluster.mesos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.executor.TaskPayload;
import io.berth.scheduler.cluster.LaunchSpec;
import io.berth.scheduler.core.matching.Resources;
import java.time.Duration;

/**
 * Turns one of the engine's launches into a Mesos task: the task's own resources, the Berth executor
 * (its own resources, out of the same share of the offer) and the payload as JSON in the data.
 */
final class TaskLaunches {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String executorUri;
  private final Resources executorResources;

  TaskLaunches(String executorUri, Resources executorResources) {
    this.executorUri = executorUri;
    this.executorResources = executorResources;
  }

  TaskLaunch of(LaunchSpec spec) {
    TaskPayload task = spec.task();
    if (task.agentId() == null) {
      throw new IllegalArgumentException("task " + task.taskId() + " has no agent");
    }
    ShareSplit split = ShareSplit.of(spec.resources(), executorResources);
    ExecutorLaunch executor = new ExecutorLaunch(ExecutorLaunch.executorIdFor(task.taskId()), executorUri,
        split.executor(), null);
    Integer grace = task.app().taskKillGracePeriodSeconds();
    return new TaskLaunch(task.taskId(), task.app().id(), task.agentId(), split.task(), executor,
        grace == null ? null : Duration.ofSeconds(grace), payload(task));
  }

  static byte[] payload(TaskPayload task) {
    try {
      return JSON.writeValueAsBytes(task);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the payload of " + task.taskId() + ": " + e.getMessage(), e);
    }
  }
}
