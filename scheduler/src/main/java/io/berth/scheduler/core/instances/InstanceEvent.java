package io.berth.scheduler.core.instances;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What can happen to an instance. {@link InstanceTransitions#apply} turns each into a transition. */
public sealed interface InstanceEvent {

  /**
   * The cluster reports a task state (at least once, in order per task; duplicates happen).
   *
   * @param healthy the health verdict carried by a RUNNING update; null = none
   * @param ackId the driver's token for acknowledging this update once it is stored (for Mesos:
   *     agent id and the update's uuid); null for updates that must not be acknowledged
   *     (reconciliation answers, master-generated ones)
   */
  record StatusUpdate(InstanceState state, String message, Boolean healthy, UpdateSource source,
                      String ackId) implements InstanceEvent {
    public StatusUpdate {
      requireNonNull(state, "state");
      requireNonNull(source, "source");
      if (!state.isReportable()) {
        throw new IllegalArgumentException(state + " is not a state a cluster reports");
      }
    }

    /** An update without message, health or acknowledgement, as reconciliation answers look. */
    public static StatusUpdate of(InstanceState state, UpdateSource source) {
      return new StatusUpdate(state, null, null, source, null);
    }
  }

  /** Someone (user, scaling, deployment, health checks) wants the instance gone. */
  record KillRequest(KillReason reason) implements InstanceEvent {
    public KillRequest {
      requireNonNull(reason, "reason");
    }
  }

  /** An offer was matched: launch the scheduled instance on this agent with these host ports. */
  record LaunchRequest(String agentId, String host, List<Integer> hostPorts) implements InstanceEvent {
    public LaunchRequest {
      requireNonNull(agentId, "agentId");
      requireNonNull(host, "host");
      hostPorts = List.copyOf(hostPorts);
    }
  }

  /** The instance has been unreachable longer than its app's {@code inactiveAfterSeconds}. */
  record UnreachableExpired() implements InstanceEvent {}
}
