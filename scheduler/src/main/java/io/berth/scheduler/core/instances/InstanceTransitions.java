package io.berth.scheduler.core.instances;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.instances.InstanceEffect.Expunge;
import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Launch;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceEvent.KillRequest;
import io.berth.scheduler.core.instances.InstanceEvent.LaunchRequest;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.InstanceEvent.UnreachableExpired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance state machine: (instance, event, now) to the next instance plus effects. Pure: no
 * I/O, no clock. Status updates are handled by {@link StatusUpdates}; the scheduler's own requests
 * (launch, kill, unreachable expiry) here. The one place a {@link Launch} is made is
 * SCHEDULED to PROVISIONED, and no state leads back to SCHEDULED, so an id is launched at most once.
 */
public final class InstanceTransitions {

  private InstanceTransitions() {}

  public static Transition apply(Instance instance, InstanceEvent event, Instant now) {
    requireNonNull(instance, "instance");
    requireNonNull(event, "event");
    requireNonNull(now, "now");
    if (event instanceof StatusUpdate update) {
      return StatusUpdates.apply(instance, update, now);
    }
    if (event instanceof KillRequest kill) {
      return kill(instance, kill.reason(), now);
    }
    if (event instanceof LaunchRequest launch) {
      return launch(instance, launch, now);
    }
    if (event instanceof UnreachableExpired) {
      return expireUnreachable(instance);
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  private static Transition launch(Instance instance, LaunchRequest launch, Instant now) {
    if (instance.state() != InstanceState.SCHEDULED || instance.isDecommissioned()) {
      return Transition.illegal(instance, List.of(), "only a scheduled instance can be launched; "
          + instance.id() + " is " + instance.state() + " (" + instance.goal() + ")");
    }
    Instance placed = instance.provisioned(launch.agentId(), launch.host(), launch.hostPorts(), now);
    return Transition.changed(placed, List.of(new Persist(placed), new Launch(placed)));
  }

  private static Transition kill(Instance instance, KillReason reason, Instant now) {
    if (instance.isTerminal()) {
      return Transition.unchanged(instance, List.of(), "already ended as " + instance.state());
    }
    String why = "kill requested: " + reason;
    if (instance.state() == InstanceState.SCHEDULED) {
      Instance ended = instance.withGoal(Goal.DECOMMISSIONED, null)
          .withState(InstanceState.KILLED, now, "killed before launch: " + reason);
      return Transition.changed(ended, List.of(new Expunge(ended.id())));
    }
    if (instance.isDecommissioned()
        && (instance.state() == InstanceState.KILLING || instance.state() == InstanceState.UNREACHABLE)) {
      return Transition.unchanged(instance, List.of(new Kill(instance, reason)), "already given up");
    }
    Instance next = instance.withGoal(Goal.DECOMMISSIONED, why);
    if (next.state() != InstanceState.UNREACHABLE) {
      next = next.withState(InstanceState.KILLING, now, why);
    }
    List<InstanceEffect> effects = new ArrayList<>(List.of(new Persist(next), new Kill(next, reason)));
    if (reason.countsAsFailure() && !instance.isDecommissioned()) {
      effects.add(new Reschedule(next, reason == KillReason.UNHEALTHY
          ? RescheduleReason.UNHEALTHY : RescheduleReason.LAUNCH_TIMEOUT));
    }
    return Transition.changed(next, effects);
  }

  private static Transition expireUnreachable(Instance instance) {
    if (instance.state() != InstanceState.UNREACHABLE) {
      return Transition.illegal(instance, List.of(), instance.id() + " is " + instance.state()
          + ", not unreachable");
    }
    if (instance.isDecommissioned()) {
      return Transition.unchanged(instance, List.of(), "already given up");
    }
    Instance inactive = instance.withGoal(Goal.DECOMMISSIONED,
        "unreachable for too long: replaced; killed if it comes back");
    return Transition.changed(inactive,
        List.of(new Persist(inactive), new Reschedule(inactive, RescheduleReason.UNREACHABLE)));
  }
}
