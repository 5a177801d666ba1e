package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.api.model.TaskFailure;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.core.apps.Versions;
import io.berth.scheduler.core.backoff.BackoffConfig;
import io.berth.scheduler.core.backoff.BackoffPolicy;
import io.berth.scheduler.core.backoff.LaunchDelay;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEffect;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.store.InstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  Effects(InstanceStore store, ClusterDriver driver, AppService apps, InstanceBook book, TaskPayloads payloads,
          EngineSettings settings) {
    this.store = store;
    this.driver = driver;
    this.apps = apps;
    this.book = book;
    this.payloads = payloads;
    this.settings = settings;
  }

  /** Runs {@code effects}; {@code offer} is the offer a Launch uses (null outside a match round). */
  void run(List<InstanceEffect> effects, OfferId offer, Instant now, Set<String> touchedApps) {
    for (InstanceEffect e : effects) {
      if (e instanceof InstanceEffect.Persist p) {
        store.put(p.instance());
        book.put(p.instance());
      } else if (e instanceof InstanceEffect.Expunge x) {
        store.delete(x.id());
        book.remove(x.id());
      } else if (e instanceof InstanceEffect.Launch l) {
        launch(l.instance(), offer);
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

  private void launch(Instance i, OfferId offer) {
    App app = definitionOf(apps, i).orElse(null);
    if (app == null || offer == null) {
      throw new IllegalStateException("launch of " + i.id() + " without " + (app == null ? "its app" : "an offer"));
    }
    LOG.info("Launching {} on agent {} (offer {}, ports {})", i.id(), i.agentId(), offer.value(), i.hostPorts());
    driver.launch(offer, payloads.payload(app, i));
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
