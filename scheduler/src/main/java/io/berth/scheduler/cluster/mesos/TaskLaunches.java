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

  private final ExecutorJar.Source executor;
  private final Resources executorResources;

  TaskLaunches(ExecutorJar.Source executor, Resources executorResources) {
    this.executor = executor;
    this.executorResources = executorResources;
  }

  TaskLaunch of(LaunchSpec spec) {
    TaskPayload task = spec.task();
    if (task.agentId() == null) {
      throw new IllegalArgumentException("task " + task.taskId() + " has no agent");
    }
    ShareSplit split = ShareSplit.of(spec.resources(), executorResources);
    Integer seconds = task.app().taskKillGracePeriodSeconds();
    Duration grace = seconds == null ? null : Duration.ofSeconds(seconds);
    ExecutorLaunch launch = new ExecutorLaunch(ExecutorLaunch.executorIdFor(task.taskId()), executor.uri(),
        split.executor(), shutdownGrace(grace), executor.cacheable());
    return new TaskLaunch(task.taskId(), task.app().id(), task.agentId(), split.task(), launch, grace,
        payload(task));
  }

  /**
   * On SHUTDOWN the executor gives each of a pod's containers a quarter of its own grace period
   * (they stop one after another); so that the app's container still gets its kill grace, the
   * executor's period is four times that plus a margin, and never below Mesos' default of 5 s.
   */
  static Duration shutdownGrace(Duration killGrace) {
    Duration floor = Duration.ofSeconds(5);
    Duration perContainer = killGrace != null ? killGrace : io.berth.executor.pod.PodPlan.DEFAULT_KILL_GRACE;
    Duration wanted = perContainer.multipliedBy(4).plusSeconds(2);
    return wanted.compareTo(floor) > 0 ? wanted : floor;
  }

  static byte[] payload(TaskPayload task) {
    try {
      return JSON.writeValueAsBytes(task);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the payload of " + task.taskId() + ": " + e.getMessage(), e);
    }
  }
}
