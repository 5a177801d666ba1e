package io.berth.scheduler.cluster.local;

import io.berth.api.model.HealthCheckResult;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodStatus;
import io.berth.scheduler.core.instances.InstanceState;
import java.util.List;

/** The pod runner's statuses as task states. */
record RunListener(StatusSink sink) implements PodListener {

  @Override
  public void onStatus(String taskId, PodStatus status, String message, Boolean healthy) {
    sink.onTaskStatus(taskId, state(status), message, healthy);
  }

  @Override
  public void onHealthResults(String taskId, List<HealthCheckResult> results) {
    sink.onHealthResults(taskId, results);
  }

  static InstanceState state(PodStatus status) {
    return switch (status) {
      case STARTING -> InstanceState.STARTING;
      case RUNNING -> InstanceState.RUNNING;
      case FINISHED -> InstanceState.FINISHED;
      case FAILED -> InstanceState.FAILED;
      case KILLED -> InstanceState.KILLED;
    };
  }
}
