package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.api.model.TaskFailure;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.cluster.LaunchSpec;
import io.berth.scheduler.core.apps.Versions;
import io.berth.scheduler.core.backoff.BackoffConfig;
import io.berth.scheduler.core.backoff.BackoffPolicy;
import io.berth.scheduler.core.backoff.LaunchDelay;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEffect;
import io.berth.scheduler.core.matching.Launch;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.store.InstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the core's effects in the order given: store first, then act, then acknowledge. A store
 * failure stops the list there (and propagates): nothing is launched, killed or acknowledged that
 * the store does not already say, and an unacknowledged update will come again.
 */
final class Effects {

  private static final Logger LOG = LoggerFactory.getLogger(Effects.class);

  private final InstanceStore store;
  private final ClusterDriver driver;
  private final AppService apps;
  private final InstanceBook book;
  private final TaskPayloads payloads;
  private final EngineSettings settings;
  private final BackoffPolicy backoff = BackoffPolicy.DEFAULT;
  private final Map<OfferId, List<LaunchSpec>> pending = new LinkedHashMap<>();

  Effects(InstanceStore store, ClusterDriver driver, AppService apps, InstanceBook book, TaskPayloads payloads,
          EngineSettings settings) {
    this.store = store;
    this.driver = driver;
    this.apps = apps;
    this.book = book;
    this.payloads = payloads;
    this.settings = settings;
  }

  /**
   * Runs {@code effects}; {@code placement} is the matcher's launch a Launch effect carries out (null
   * outside a match round). Launches are held until {@link #flushLaunches()}, so that every task
   * placed on one offer goes to the cluster in one call.
   */
  void run(List<InstanceEffect> effects, Launch placement, Instant now, Set<String> touchedApps) {
    for (InstanceEffect e : effects) {
      if (e instanceof InstanceEffect.Persist p) {
        store.put(p.instance());
        book.put(p.instance());
      } else if (e instanceof InstanceEffect.Expunge x) {
        store.delete(x.id());
        book.remove(x.id());
      } else if (e instanceof InstanceEffect.Launch l) {
        launch(l.instance(), placement);
      } else if (e instanceof InstanceEffect.Kill k) {
        Instance i = k.instance();
        LOG.info("Killing {} on agent {} ({})", i.id(), i.agentId(), k.reason());
        driver.kill(i.id().value(), i.agentId(), grace(i.appId()));
      } else if (e instanceof InstanceEffect.Reschedule r) {
        reschedule(r, now);
        touchedApps.add(r.instance().appId());
      } else if (e instanceof InstanceEffect.ResetBackoff b) {
        LaunchDelay current = book.delays.get(b.appId());
        if (current != null) {
          book.delays.put(b.appId(), backoff.onHealthy(current));
        }
      } else if (e instanceof InstanceEffect.Acknowledge a) {
        driver.acknowledge(a.ackId());
      }
    }
  }

  private void launch(Instance i, Launch placement) {
    App app = definitionOf(apps, i).orElse(null);
    if (app == null || placement == null) {
      throw new IllegalStateException("launch of " + i.id() + " without " + (app == null ? "its app" : "an offer"));
    }
    LOG.info("Launching {} on agent {} (offer {}, ports {})", i.id(), i.agentId(), placement.offerId().value(),
        i.hostPorts());
    pending.computeIfAbsent(placement.offerId(), o -> new ArrayList<>())
        .add(new LaunchSpec(payloads.payload(app, i), placement.shares()));
  }

  /** Sends the launches held since the last flush, one call per offer; each one's instance is stored. */
  void flushLaunches() {
    Map<OfferId, List<LaunchSpec>> batch = new LinkedHashMap<>(pending);
    pending.clear();
    batch.forEach(driver::launch);
  }

  private void reschedule(InstanceEffect.Reschedule r, Instant now) {
    Instance i = r.instance();
    LOG.info("Instance {} of {} ended ({}): {}", i.id(), i.appId(), r.reason(), i.message());
    book.lastFailures.put(i.appId(), new TaskFailure(i.appId(), i.host(), i.message(), i.state().taskState(),
        i.id().value(), Versions.format(now), i.appVersion(), i.agentId()));
    if (!r.reason().countsForBackoff()) {
      return;
    }
    BackoffConfig config = apps.get(i.appId()).map(BackoffConfig::of).orElse(BackoffConfig.DEFAULT);
    LaunchDelay current = book.delays.getOrDefault(i.appId(), LaunchDelay.none(i.appId()));
    LaunchDelay next = backoff.onFailure(current, config, i.startedAt(), now);
    book.delays.put(i.appId(), next);
    LOG.info("Launch delay of {} is now {} failures, until {}", i.appId(), next.failures(), next.until());
  }

  /**
   * The definition an instance runs: its app at the instance's version (a task keeps the definition
   * that started it, as its payload says), else the current one; empty when the app is gone.
   */
  static Optional<App> definitionOf(AppService apps, Instance i) {
    Optional<App> current = apps.get(i.appId());
    if (current.isEmpty() || current.get().version().equals(i.appVersion())) {
      return current;
    }
    return apps.version(i.appId(), i.appVersion()).or(() -> current);
  }

  Duration grace(String appId) {
    return apps.get(appId).map(App::taskKillGracePeriodSeconds).map(s -> Duration.ofSeconds(s))
        .orElse(settings.defaultKillGrace());
  }
}
