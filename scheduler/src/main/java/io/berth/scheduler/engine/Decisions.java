package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.apps.AppChanges;
import io.berth.scheduler.core.backoff.BackoffPolicy;
import io.berth.scheduler.core.backoff.LaunchDelay;
import io.berth.scheduler.core.deployments.ReplacementTarget;
import io.berth.scheduler.core.deployments.RollingReplacement;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceIdSource;
import io.berth.scheduler.core.instances.InstanceTransitions;
import io.berth.scheduler.core.instances.Transition;
import io.berth.scheduler.core.reconcile.Decision;
import io.berth.scheduler.core.reconcile.DesiredApp;
import io.berth.scheduler.core.reconcile.Reconciler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciler (and, for apps whose configuration changed, the rolling replacement) and
 * executes their decisions through the instance state machine. Engine thread only.
 */
final class Decisions {

  private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);

  private final AppService apps;
  private final InstanceBook book;
  private final Effects effects;
  private final ClusterDriver driver;
  private final TaskPayloads payloads;
  private final InstanceIdSource ids;
  private final Reconciler reconciler;
  private final EngineSettings settings;

  Decisions(AppService apps, InstanceBook book, Effects effects, ClusterDriver driver, TaskPayloads payloads,
            InstanceIdSource ids, EngineSettings settings) {
    this.apps = apps;
    this.book = book;
    this.effects = effects;
    this.driver = driver;
    this.payloads = payloads;
    this.ids = ids;
    this.settings = settings;
    this.reconciler = new Reconciler(ids);
  }

  void reconcileAll(Instant now) {
    Set<String> appIds = new HashSet<>(apps.ids());
    book.all().forEach(i -> appIds.add(i.appId()));
    reconcile(appIds, now);
  }

  /** Reconciles the given apps (and any app their decisions touch, until nothing more changes). */
  void reconcile(Set<String> appIds, Instant now) {
    Set<String> pending = new HashSet<>(appIds);
    for (int round = 0; round < 3 && !pending.isEmpty(); round++) {
      Set<String> touched = new HashSet<>();
      List<DesiredApp> desired = new ArrayList<>();
      List<Instance> instances = new ArrayList<>();
      List<Decision> replacement = new ArrayList<>();
      for (String appId : pending) {
        List<Instance> ofApp = book.ofApp(appId);
        instances.addAll(ofApp);
        App app = apps.get(appId).orElse(null);
        if (app == null) {
          continue;
        }
        RollingReplacement.Plan plan = RollingReplacement.plan(ReplacementTarget.of(app), ofApp, ids, now);
        if (plan.inProgress()) {
          int active = (int) ofApp.stream().filter(Instance::isActive).count();
          desired.add(DesiredApp.of(app).withInstances(active));
          replacement.addAll(plan.decisions());
        } else {
          desired.add(DesiredApp.of(app));
        }
      }
      List<Decision> all = new ArrayList<>(reconciler.reconcile(desired, instances, List.of(), now));
      all.addAll(replacement);
      execute(all, now, touched);
      pending = touched;
    }
  }

  void execute(Collection<Decision> decisions, Instant now, Set<String> touched) {
    for (Decision d : decisions) {
      if (d instanceof Decision.Schedule s) {
        effects.run(List.of(new io.berth.scheduler.core.instances.InstanceEffect.Persist(s.instance())), null, now,
            touched);
        LOG.info("Scheduled instance {} of {}", s.instance().id(), s.instance().appId());
      } else if (d instanceof Decision.Expunge x) {
        effects.run(List.of(new io.berth.scheduler.core.instances.InstanceEffect.Expunge(x.id())), null, now,
            touched);
      } else if (d instanceof Decision.KillOrphan o) {
        LOG.info("Killing task {} on agent {}: the store does not know it", o.taskId(), o.agentId());
        driver.kill(o.taskId(), o.agentId(), settings.defaultKillGrace());
      } else if (d instanceof Decision.ForInstance f) {
        Instance stored = book.instances.get(f.id());
        if (stored == null) {
          continue;
        }
        Transition t = InstanceTransitions.apply(stored, f.event(), now);
        effects.run(t.effects(), null, now, touched);
        if (d instanceof Decision.Adopt && !t.instance().isTerminal() && t.instance().agentId() != null) {
          Effects.definitionOf(apps, t.instance()).ifPresent(app -> driver.adopt(payloads.payload(app, t.instance())));
          LOG.info("Adopted running task {} of {}", stored.id(), stored.appId());
        }
      }
    }
  }

  /** A configuration change (a restart counts as one) starts launch backoff afresh. */
  void appChanged(App before, App after) {
    if (before != null && (!AppChanges.sameConfig(before, after)
        || !ReplacementTarget.of(before).configVersion().equals(ReplacementTarget.of(after).configVersion()))) {
      LaunchDelay current = book.delays.get(after.id());
      if (current != null) {
        book.delays.put(after.id(), BackoffPolicy.DEFAULT.onConfigChange(current));
      }
      book.unplaced.remove(after.id());
    }
  }

  /** A deleted app leaves no launch delay, failure or waiting reason behind for a new app of that id. */
  void appRemoved(String appId) {
    book.delays.remove(appId);
    book.lastFailures.remove(appId);
    book.unplaced.remove(appId);
  }

  /** An update about a task the store does not know: kill it if it lives; acknowledge it anyway. */
  void unknownTask(TaskStatus s) {
    if (!s.state().isTerminal()) {
      LOG.info("Killing unknown task {} ({}) on agent {}", s.taskId(), s.state(), s.agentId());
      driver.kill(s.taskId(), s.agentId(), settings.defaultKillGrace());
    }
    if (s.ackId() != null) {
      driver.acknowledge(s.ackId());
    }
  }
}
