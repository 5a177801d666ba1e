package io.berth.scheduler.cluster;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.instances.InstanceState;

/**
 * One task status update from the cluster.
 *
 * @param healthy the health verdict of a running task; null when it has no checks or no result yet
 * @param ackId the driver's token to acknowledge this update with; null when none is needed
 * @param fromReconciliation true for answers to a reconciliation request (Mesos sends them
 *     without a uuid and they must not be acknowledged)
 */
public record TaskStatus(String taskId, String agentId, InstanceState state, String message, Boolean healthy,
                         String ackId, boolean fromReconciliation) {
  public TaskStatus {
    requireNonNull(taskId, "taskId");
    requireNonNull(state, "state");
  }
}
