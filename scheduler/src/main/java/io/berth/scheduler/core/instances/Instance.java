package io.berth.scheduler.core.instances;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One instance (one Mesos task) of an app version, as stored. Immutable; {@link
 * InstanceTransitions} makes the next one.
 *
 * @param agentId the agent it was launched on; null only while {@link InstanceState#SCHEDULED}
 * @param hostPorts the host ports taken from the offer, in the app's port order
 * @param healthy the last health verdict while running; null when the app has no health checks or
 *     no result has come yet
 * @param stagedAt when it was matched to an offer and launched; null while scheduled
 * @param startedAt when it first reported RUNNING
 * @param stateChangedAt when {@code state} last changed (or the instance was created)
 * @param message the last message from the cluster or the scheduler, for users
 */
public record Instance(
    InstanceId id,
    String appId,
    String appVersion,
    String agentId,
    String host,
    List<Integer> hostPorts,
    InstanceState state,
    Boolean healthy,
    Instant stagedAt,
    Instant startedAt,
    Instant stateChangedAt,
    String message,
    Goal goal) {

  public Instance {
    requireNonNull(id, "id");
    requireNonNull(appId, "appId");
    requireNonNull(appVersion, "appVersion");
    requireNonNull(state, "state");
    requireNonNull(stateChangedAt, "stateChangedAt");
    requireNonNull(goal, "goal");
    hostPorts = hostPorts == null ? List.of() : List.copyOf(hostPorts);
    if (!id.appId().equals(appId)) {
      throw new IllegalArgumentException("instance " + id + " does not belong to app " + appId);
    }
    if (state.mayHaveContainer() && agentId == null) {
      throw new IllegalArgumentException("instance " + id + " is " + state + " but has no agent");
    }
  }

  /** A new instance, stored before anything else happens to it, waiting for an offer. */
  public static Instance scheduled(InstanceId id, String appVersion, Instant now) {
    return new Instance(id, id.appId(), appVersion, null, null, List.of(), InstanceState.SCHEDULED,
        null, null, null, now, null, Goal.RUNNING);
  }

  public boolean isTerminal() {
    return state.isTerminal();
  }

  public boolean isDecommissioned() {
    return goal == Goal.DECOMMISSIONED;
  }

  /**
   * True when it counts towards its app's instance count: not ended, not given up, not being
   * killed. An unreachable instance counts until its app's {@code inactiveAfterSeconds} run out.
   */
  public boolean isActive() {
    return !state.isTerminal() && goal == Goal.RUNNING && state != InstanceState.KILLING;
  }

  /** The time its age is measured from: started, else staged, else created. */
  public Instant since() {
    return startedAt != null ? startedAt : stagedAt != null ? stagedAt : stateChangedAt;
  }

  /**
   * The instance in {@code next} state. The change time moves only when the state changes;
   * {@code startedAt} is set by the first RUNNING; the health verdict survives only while RUNNING
   * or KILLING; a null {@code message} keeps the old one.
   */
  public Instance withState(InstanceState next, Instant now, String newMessage) {
    boolean changed = next != state;
    Instant started = startedAt == null && next == InstanceState.RUNNING ? now : startedAt;
    Boolean health = next == InstanceState.RUNNING || next == InstanceState.KILLING ? healthy : null;
    return new Instance(id, appId, appVersion, agentId, host, hostPorts, next, health, stagedAt,
        started, changed ? now : stateChangedAt, newMessage == null ? message : newMessage, goal);
  }

  public Instance withHealthy(Boolean verdict) {
    return new Instance(id, appId, appVersion, agentId, host, hostPorts, state, verdict, stagedAt,
        startedAt, stateChangedAt, message, goal);
  }

  public Instance withGoal(Goal newGoal, String newMessage) {
    return new Instance(id, appId, appVersion, agentId, host, hostPorts, state, healthy, stagedAt,
        startedAt, stateChangedAt, newMessage == null ? message : newMessage, newGoal);
  }

  /** The instance placed on an agent, about to be launched. */
  public Instance provisioned(String agent, String hostName, List<Integer> ports, Instant now) {
    return new Instance(id, appId, appVersion, requireNonNull(agent, "agent"), hostName, ports,
        InstanceState.PROVISIONED, null, now, null, now, null, goal);
  }
}
