package io.berth.scheduler.core.reconcile;

import io.berth.api.model.UnreachableStrategy;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceIdSource;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.KillReason;
import io.berth.scheduler.core.reconcile.Decision.ExpireUnreachable;
import io.berth.scheduler.core.reconcile.Decision.Expunge;
import io.berth.scheduler.core.reconcile.Decision.KillInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One pass over the instances of one desired app. */
final class AppReconciliation {

  private final DesiredApp app;
  private final ReconcilerSettings settings;
  private final Instant now;

  AppReconciliation(DesiredApp app, ReconcilerSettings settings, Instant now) {
    this.app = app;
    this.settings = settings;
    this.now = now;
  }

  void run(List<Instance> instances, InstanceIdSource ids, List<Decision> out) {
    List<Instance> active = new ArrayList<>();
    for (Instance i : instances) {
      if (i.isTerminal()) {
        out.add(new Expunge(i.id()));
      } else if (i.state() == InstanceState.UNREACHABLE) {
        unreachable(i, active, out);
      } else if (i.isDecommissioned()) {
        if (elapsed(i.stateChangedAt(), settings.killRetry())) {
          out.add(new KillInstance(i.id(), KillReason.NOT_WANTED));
        }
      } else if (launchTimedOut(i)) {
        out.add(new KillInstance(i.id(), KillReason.LAUNCH_TIMEOUT));
      } else if (i.isActive()) {
        active.add(i);
      }
    }
    int missing = app.instances() - active.size();
    for (int k = 0; k < missing; k++) {
      out.add(Reconciler.schedule(ids, app, now));
    }
    active.stream().sorted(KillOrder.of(app.killSelection())).limit(Math.max(0, -missing))
        .forEach(i -> out.add(new KillInstance(i.id(), KillReason.SCALE_DOWN)));
  }

  /**
   * Unreachable instances count until {@code inactiveAfterSeconds}, then are given up (and
   * replaced), and are forgotten after {@code expungeAfterSeconds}; "disabled" keeps them forever.
   */
  private void unreachable(Instance i, List<Instance> active, List<Decision> out) {
    UnreachableStrategy strategy = app.unreachableStrategy();
    if (strategy.disabled()) {
      if (i.isActive()) {
        active.add(i);
      }
      return;
    }
    Duration inactiveAfter = Duration.ofSeconds(orZero(strategy.inactiveAfterSeconds()));
    Duration expungeAfter = Duration.ofSeconds(
        Math.max(orZero(strategy.expungeAfterSeconds()), orZero(strategy.inactiveAfterSeconds())));
    boolean inactive = elapsed(i.stateChangedAt(), inactiveAfter);
    if (!i.isDecommissioned()) {
      if (!inactive) {
        active.add(i);
        return;
      }
      out.add(new ExpireUnreachable(i.id()));
    }
    if (elapsed(i.stateChangedAt(), expungeAfter)) {
      out.add(new Expunge(i.id()));
    }
  }

  private boolean launchTimedOut(Instance i) {
    boolean launching = i.state() == InstanceState.PROVISIONED || i.state() == InstanceState.STAGING
        || i.state() == InstanceState.STARTING;
    return launching && i.stagedAt() != null && elapsed(i.stagedAt(), settings.launchTimeout());
  }

  private boolean elapsed(Instant since, Duration wait) {
    return !now.isBefore(since.plus(wait));
  }

  private static long orZero(Long seconds) {
    return seconds == null ? 0 : seconds;
  }
}
