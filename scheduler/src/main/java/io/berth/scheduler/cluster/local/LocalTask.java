package io.berth.scheduler.cluster.local;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.instances.InstanceState;

/**
 * A task the local cluster knows to be alive (or being launched or killed).
 *
 * @param usage what it takes from the agent; {@link TaskUsage#NONE} until a pod found at start is adopted
 * @param accounted false for a pod found at start that the engine has not adopted yet (its
 *     resources are unknown until then)
 */
record LocalTask(String taskId, TaskUsage usage, boolean accounted, InstanceState state, Boolean healthy,
                 String message) {

  LocalTask {
    requireNonNull(taskId, "taskId");
    requireNonNull(usage, "usage");
    requireNonNull(state, "state");
  }

  static LocalTask launching(String taskId, TaskUsage usage) {
    return new LocalTask(taskId, usage, true, InstanceState.STAGING, null, "staging");
  }

  static LocalTask found(String taskId, InstanceState state, String message) {
    return new LocalTask(taskId, TaskUsage.NONE, false, state, null, message);
  }

  LocalTask adopted(TaskUsage value) {
    return new LocalTask(taskId, value, true, state, healthy, message);
  }

  LocalTask with(InstanceState newState, Boolean newHealthy, String newMessage) {
    return new LocalTask(taskId, usage, accounted, newState, newHealthy, newMessage);
  }
}
