package io.berth.executor.health;

import io.berth.api.model.HealthCheck;
import io.berth.api.model.HealthCheckResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health checks of one task on a shared scheduler: each check every
 * {@code intervalSeconds} (the first at once), each probe bounded by {@code timeoutSeconds}; feeds
 * {@link HealthTracker}s, posts each counted result to Sensu, and tells its callback.
 */
public final class HealthMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  /** What the monitor tells the pod runner. */
  public interface Callback {
    /** After a counted probe: all checks' latest results, the aggregate health, and whether it changed. */
    void onResults(List<HealthCheckResult> results, Boolean healthy, boolean changed, String message);

    /** Once, when a check reached {@code maxConsecutiveFailures}. */
    void onKill(String reason);
  }

  private final String taskId;
  private final String appId;
  private final List<HealthCheck> checks;
  private final List<Probe> probes;
  private final List<HealthTracker> trackers = new ArrayList<>();
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final SensuPublisher sensu;
  private final Callback callback;
  private final List<ScheduledFuture<?>> futures = new ArrayList<>();
  private Boolean healthy;
  private boolean done;

  /** @param sensu null when the Sensu helper is off */
  public HealthMonitor(String taskId, String appId, List<HealthCheck> checks, List<Probe> probes,
      Instant taskStarted, Clock clock, ScheduledExecutorService scheduler, SensuPublisher sensu, Callback callback) {
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    this.appId = appId;
    this.checks = List.copyOf(checks);
    this.probes = List.copyOf(probes);
    this.clock = clock;
    this.scheduler = scheduler;
    this.sensu = sensu;
    this.callback = callback;
    for (HealthCheck c : checks) {
      trackers.add(new HealthTracker(taskId, c, taskStarted));
    }
  }

  public synchronized void start() {
    for (int i = 0; i < checks.size(); i++) {
      int index = i;
      long interval = Math.max(1, seconds(checks.get(i).intervalSeconds(), HealthCheck.DEFAULT_INTERVAL_SECONDS));
      futures.add(scheduler.scheduleWithFixedDelay(() -> runCheck(index), 0, interval, TimeUnit.SECONDS));
    }
  }

  private void runCheck(int index) {
    HealthCheck check = checks.get(index);
    Duration timeout = Duration.ofSeconds(Math.max(1, seconds(check.timeoutSeconds(), HealthCheck.DEFAULT_TIMEOUT_SECONDS)));
    try {
      ProbeResult probe = probes.get(index).probe(timeout);
      record(index, probe);
    } catch (RuntimeException e) {
      LOG.error("Health check {} of task {} broke", index, taskId, e);
    }
  }

  private void record(int index, ProbeResult probe) {
    HealthDecision decision;
    List<HealthCheckResult> results;
    Boolean aggregate;
    synchronized (this) {
      if (done) {
        return;
      }
      decision = trackers.get(index).record(probe, clock.instant());
      if (decision.result() == null || probe.outcome() == ProbeResult.Outcome.IGNORED) {
        return;
      }
      results = trackers.stream().map(HealthTracker::current).filter(Objects::nonNull).toList();
      aggregate = aggregate(results, trackers.size());
      boolean changed = !Objects.equals(aggregate, healthy);
      healthy = aggregate;
      if (decision.kill()) {
        done = true;
      }
      decision = new HealthDecision(decision.result(), changed, decision.kill());
    }
    HealthCheck check = checks.get(index);
    if (sensu != null) {
      sensu.publish(SensuEvents.event(SensuEvents.checkName(index, check.kind()), appId, decision.result(),
          seconds(check.intervalSeconds(), HealthCheck.DEFAULT_INTERVAL_SECONDS)));
    }
    String message = decision.result().alive() ? "health check " + index + " (" + check.kind() + ") passed"
        : "health check " + index + " (" + check.kind() + ") failed " + decision.result().consecutiveFailures()
            + " time(s): " + decision.result().lastFailureCause();
    callback.onResults(results, aggregate, decision.changed(), message);
    if (decision.kill()) {
      close();
      callback.onKill("killed after " + decision.result().consecutiveFailures() + " consecutive failures of health check "
          + index + " (" + check.kind() + "): " + decision.result().lastFailureCause());
    }
  }

  /**
   * A task's health from its checks' latest results: false as soon as one check is not alive,
   * true when every check is alive, null while some check has no counted result yet.
   */
  static Boolean aggregate(List<HealthCheckResult> results, int checks) {
    if (results.stream().anyMatch(r -> !r.alive())) {
      return Boolean.FALSE;
    }
    return results.size() < checks ? null : Boolean.TRUE;
  }

  @Override
  public synchronized void close() {
    done = true;
    futures.forEach(f -> f.cancel(false));
    futures.clear();
  }

  private static int seconds(Integer value, int dflt) {
    return value == null ? dflt : value;
  }
}
