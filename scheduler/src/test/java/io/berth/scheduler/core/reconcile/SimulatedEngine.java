package io.berth.scheduler.core.reconcile;

import io.berth.scheduler.core.backoff.BackoffConfig;
import io.berth.scheduler.core.backoff.BackoffPolicy;
import io.berth.scheduler.core.backoff.LaunchDelay;
import io.berth.scheduler.core.backoff.LaunchQueue;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEffect;
import io.berth.scheduler.core.instances.InstanceEffect.Acknowledge;
import io.berth.scheduler.core.instances.InstanceEffect.Expunge;
import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Launch;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceEffect.ResetBackoff;
import io.berth.scheduler.core.instances.InstanceEvent;
import io.berth.scheduler.core.instances.InstanceEvent.LaunchRequest;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.InstanceTransitions;
import io.berth.scheduler.core.instances.UpdateSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The engine contract in a few lines, for simulations: effects run in order against a map that
 * stands in for the store (it survives crashes) and a {@link SimulatedCluster}; launch delays live
 * in memory and are lost on a crash. {@link #crashAfter} makes it stop between two effects.
 */
final class SimulatedEngine {

  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  final Map<InstanceId, Instance> store;
  private final SimulatedCluster cluster;
  private final Reconciler reconciler;
  private final BackoffPolicy policy = BackoffPolicy.DEFAULT;
  private final BackoffConfig backoff = new BackoffConfig(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(20));
  private final Map<String, LaunchDelay> delays = new HashMap<>();
  private final Map<String, Integer> seen;
  private int crashCountdown = -1;

  /** {@code seen} counts the decisions and effects carried out, by kind, across engines. */
  SimulatedEngine(Map<InstanceId, Instance> store, SimulatedCluster cluster, Random random,
                  Map<String, Integer> seen) {
    this.store = store;
    this.seen = seen;
    this.cluster = cluster;
    this.reconciler = new Reconciler(app -> InstanceId.forApp(app, "u" + Long.toHexString(random.nextLong())));
  }

  /** Stop (throw {@link Crash}) before the {@code steps}-th next store or cluster action; -1: never. */
  void crashAfter(int steps) {
    crashCountdown = steps;
  }

  /** A fresh process: no memory but the store; first reconcile with the cluster. */
  static SimulatedEngine restart(Map<InstanceId, Instance> store, SimulatedCluster cluster, Random random,
                                 Map<String, Integer> seen, Instant now) {
    SimulatedEngine engine = new SimulatedEngine(store, cluster, random, seen);
    engine.decide(Reconciliation.atStartup(List.copyOf(store.values()), cluster.observed()), now);
    return engine;
  }

  void reconcile(DesiredApp app, Instant now) {
    decide(reconciler.reconcile(List.of(app), List.copyOf(store.values()), cluster.observed(), now), now);
  }

  void deliverUpdate(Random random, Instant now) {
    Optional<SimulatedCluster.Update> next = cluster.nextUpdate(random);
    if (next.isEmpty()) {
      return;
    }
    SimulatedCluster.Update u = next.get();
    Instance instance = store.get(new InstanceId(u.taskId()));
    if (instance == null) {
      step();
      cluster.kill(u.taskId());
      cluster.acknowledge(u.ackId());
      return;
    }
    apply(instance, new StatusUpdate(u.state(), null, u.healthy(), UpdateSource.EXECUTOR, u.ackId()), now);
  }

  /** An offer arrives: the oldest launchable instance is placed on it. */
  void offer(Instant now) {
    List<Instance> launchable = LaunchQueue.launchable(store.values(), delays, now);
    if (!launchable.isEmpty()) {
      apply(launchable.get(0), new LaunchRequest("agent-1", "host-1", List.of(31000)), now);
    }
  }

  private void decide(List<Decision> decisions, Instant now) {
    for (Decision d : decisions) {
      seen.merge(d.getClass().getSimpleName(), 1, Integer::sum);
      if (d instanceof Decision.Schedule s) {
        step();
        store.put(s.instance().id(), s.instance());
      } else if (d instanceof Decision.ForInstance f) {
        Instance instance = store.get(f.id());
        if (instance != null) {
          apply(instance, f.event(), now);
        }
      } else if (d instanceof Decision.Expunge e) {
        step();
        store.remove(e.id());
      } else if (d instanceof Decision.KillOrphan o) {
        step();
        cluster.kill(o.taskId());
      }
    }
  }

  private void apply(Instance instance, InstanceEvent event, Instant now) {
    for (InstanceEffect effect : InstanceTransitions.apply(instance, event, now).effects()) {
      step();
      execute(effect, now);
    }
  }

  private void execute(InstanceEffect effect, Instant now) {
    seen.merge(effect.getClass().getSimpleName(), 1, Integer::sum);
    if (effect instanceof Persist p) {
      store.put(p.instance().id(), p.instance());
    } else if (effect instanceof Expunge e) {
      store.remove(e.id());
    } else if (effect instanceof Launch l) {
      Instance stored = store.get(l.instance().id());
      if (stored == null || stored.state() != InstanceState.PROVISIONED) {
        throw new AssertionError("launching " + l.instance().id() + " which is not stored as provisioned");
      }
      cluster.launch(l.instance().id().value());
    } else if (effect instanceof Kill k) {
      cluster.kill(k.instance().id().value());
    } else if (effect instanceof Reschedule r && r.reason().countsForBackoff()) {
      String app = r.instance().appId();
      delays.put(app, policy.onFailure(delays.getOrDefault(app, LaunchDelay.none(app)), backoff,
          r.instance().startedAt(), now));
    } else if (effect instanceof ResetBackoff reset) {
      delays.remove(reset.appId());
    } else if (effect instanceof Acknowledge a) {
      cluster.acknowledge(a.ackId());
    }
  }

  private void step() {
    if (crashCountdown == 0) {
      crashCountdown = -1;
      seen.merge("Crash", 1, Integer::sum);
      throw new Crash();
    }
    if (crashCountdown > 0) {
      crashCountdown--;
    }
  }
}
