package io.berth.scheduler.core.instances;

import static io.berth.scheduler.core.instances.InstanceState.KILLING;
import static io.berth.scheduler.core.instances.InstanceState.RUNNING;
import static io.berth.scheduler.core.instances.InstanceState.SCHEDULED;
import static io.berth.scheduler.core.instances.InstanceState.UNREACHABLE;

import io.berth.scheduler.core.instances.InstanceEffect.Acknowledge;
import io.berth.scheduler.core.instances.InstanceEffect.Expunge;
import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceEffect.ResetBackoff;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Status updates from the cluster. Every update is acknowledged (last) when it carries an ack id,
 * whatever the outcome, so the cluster stops resending it. See the table in docs/instances.md.
 */
final class StatusUpdates {

  private StatusUpdates() {}

  static Transition apply(Instance instance, StatusUpdate update, Instant now) {
    InstanceState from = instance.state();
    InstanceState to = update.state();
    Effects fx = new Effects(instance, update);
    if (from.isTerminal() || from == SCHEDULED) {
      String why = from.isTerminal() ? "ended as " + from + ", which is final" : "never launched";
      if (to.isTerminal()) {
        return from.isTerminal()
            ? Transition.unchanged(instance, fx.done(), "already " + why)
            : Transition.illegal(instance, fx.done(), to + " for an instance that was " + why);
      }
      return Transition.illegal(instance, fx.kill(instance).done(),
          to + " reported for an instance that " + (from.isTerminal() ? "has " : "was ") + why
              + ": whatever runs under its id is killed");
    }
    if (to.isTerminal()) {
      return ended(instance, update, now, fx);
    }
    if (to == from && to != RUNNING) {
      return Transition.unchanged(instance, fx.done(), "already " + from);
    }
    if (to == UNREACHABLE || to == KILLING) {
      Instance next = instance.withState(to, now, update.message());
      return Transition.changed(next, fx.persist(next).done());
    }
    // to is STAGING, STARTING or RUNNING: the task is alive.
    if (instance.isDecommissioned()) {
      if (from == KILLING) {
        return Transition.unchanged(instance, fx.kill(instance).done(), "kill in progress");
      }
      Instance next = instance.withState(KILLING, now, "reported " + to + " after it was given up");
      return Transition.changed(next, fx.persist(next).kill(next).done());
    }
    if (from == KILLING || (from != UNREACHABLE && to.ordinal() < from.ordinal())) {
      return Transition.illegal(instance, fx.done(), from + " cannot go back to " + to);
    }
    return alive(instance, update, now, fx);
  }

  private static Transition alive(Instance instance, StatusUpdate update, Instant now, Effects fx) {
    InstanceState to = update.state();
    Boolean healthy = to == RUNNING && update.healthy() != null ? update.healthy() : instance.healthy();
    if (to == instance.state() && Objects.equals(healthy, instance.healthy())) {
      return Transition.unchanged(instance, fx.done(), "already " + to);
    }
    Instance next = instance.withState(to, now, update.message());
    next = to == RUNNING ? next.withHealthy(healthy) : next;
    fx.persist(next);
    if (Boolean.TRUE.equals(next.healthy()) && !Boolean.TRUE.equals(instance.healthy())) {
      fx.add(new ResetBackoff(next.appId()));
    }
    return Transition.changed(next, fx.done());
  }

  private static Transition ended(Instance instance, StatusUpdate update, Instant now, Effects fx) {
    Instance ended = instance.withState(update.state(), now, update.message());
    fx.add(new Expunge(ended.id()));
    if (!instance.isDecommissioned()) {
      fx.add(new Reschedule(ended, RescheduleReason.forEnd(update.state())));
    }
    return Transition.changed(ended, fx.done());
  }

  /** Collects effects in order and appends the acknowledgement last. */
  private static final class Effects {
    private final List<InstanceEffect> list = new ArrayList<>();
    private final Instance instance;
    private final StatusUpdate update;

    Effects(Instance instance, StatusUpdate update) {
      this.instance = instance;
      this.update = update;
    }

    Effects persist(Instance next) {
      return add(new Persist(next));
    }

    Effects kill(Instance target) {
      return add(new Kill(target, KillReason.NOT_WANTED));
    }

    Effects add(InstanceEffect effect) {
      list.add(effect);
      return this;
    }

    List<InstanceEffect> done() {
      if (update.ackId() != null) {
        list.add(new Acknowledge(instance.id(), update.ackId()));
      }
      return list;
    }
  }
}
