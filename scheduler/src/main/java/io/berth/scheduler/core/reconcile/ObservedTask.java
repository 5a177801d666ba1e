package io.berth.scheduler.core.reconcile;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.instances.InstanceState;

/**
 * A task the cluster says exists (a labelled pod of the local cluster, a Mesos task). The task id is
 * a plain string: a task the store does not know need not even look like one of ours.
 */
public record ObservedTask(String taskId, String agentId, InstanceState state, Boolean healthy,
                           String message) {

  public ObservedTask {
    requireNonNull(taskId, "taskId");
    requireNonNull(state, "state");
    if (!state.isReportable()) {
      throw new IllegalArgumentException(state + " is not a state a cluster reports");
    }
  }

  public static ObservedTask of(String taskId, String agentId, InstanceState state) {
    return new ObservedTask(taskId, agentId, state, null, null);
  }
}
