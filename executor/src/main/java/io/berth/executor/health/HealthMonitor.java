package io.berth.executor.health;

import io.berth.api.model.HealthCheck;
import io.berth.api.model.HealthCheckResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the health checks of one task: each check first at once, then {@code intervalSeconds}
 * after the previous probe ended; each probe bounded by {@code timeoutSeconds}. The timer only
 * schedules; probes (blocking I/O) run on the probe executor. Results feed {@link HealthTracker}s,
 * go to Sensu, and to the callback.
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

  private final MonitoredTask task;
  private final List<HealthTracker> trackers = new ArrayList<>();
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Executor probeRunner;
  private final SensuPublisher sensu;
  private final Callback callback;
  private Boolean healthy;
  private volatile boolean done;

  /** @param sensu null when the Sensu helper is off */
  public HealthMonitor(MonitoredTask task, Clock clock, ScheduledExecutorService timer, Executor probeRunner,
      SensuPublisher sensu, Callback callback) {
    this.task = Objects.requireNonNull(task, "task");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.probeRunner = Objects.requireNonNull(probeRunner, "probeRunner");
    this.sensu = sensu;
    this.callback = Objects.requireNonNull(callback, "callback");
    for (HealthCheck c : task.checks()) {
      trackers.add(new HealthTracker(task.taskId(), c, task.started()));
    }
  }

  public void start() {
    for (int i = 0; i < task.checks().size(); i++) {
      schedule(i, 0);
    }
  }

  private void schedule(int index, long delaySeconds) {
    if (done) {
      return;
    }
    try {
      timer.schedule(() -> probeRunner.execute(() -> runCheck(index)), delaySeconds, TimeUnit.SECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      done = true;
    }
  }

  private void runCheck(int index) {
    HealthCheck check = task.checks().get(index);
    Duration timeout = Duration.ofSeconds(Math.max(1, or(check.timeoutSeconds(), HealthCheck.DEFAULT_TIMEOUT_SECONDS)));
    MDC.put("taskId", task.taskId());
    try {
      if (!done) {
        record(index, task.probes().get(index).probe(timeout));
      }
    } catch (RuntimeException e) {
      LOG.error("Health check {} of task {} broke", index, task.taskId(), e);
    } finally {
      MDC.remove("taskId");
      schedule(index, Math.max(1, or(check.intervalSeconds(), HealthCheck.DEFAULT_INTERVAL_SECONDS)));
    }
  }

  private void record(int index, ProbeResult probe) {
    HealthDecision decision;
    List<HealthCheckResult> results;
    Boolean aggregate;
    boolean changed;
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
      changed = !Objects.equals(aggregate, healthy);
      healthy = aggregate;
      if (decision.kill()) {
        done = true;
      }
    }
    HealthCheck check = task.checks().get(index);
    HealthCheckResult result = decision.result();
    if (sensu != null) {
      sensu.publish(SensuEvents.event(SensuEvents.checkName(index, check.kind()), task.appId(), result,
          or(check.intervalSeconds(), HealthCheck.DEFAULT_INTERVAL_SECONDS)));
    }
    String what = "health check " + index + " (" + check.kind() + ")";
    callback.onResults(results, aggregate, changed, result.alive() ? what + " passed"
        : what + " failed " + result.consecutiveFailures() + " time(s): " + result.lastFailureCause());
    if (decision.kill()) {
      LOG.info("Task {} is unhealthy: {} failed {} times", task.taskId(), what, result.consecutiveFailures());
      callback.onKill("killed after " + result.consecutiveFailures() + " consecutive failures of " + what + ": "
          + result.lastFailureCause());
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

  /** Stops probing; a probe under way finishes but is not counted. */
  @Override
  public void close() {
    done = true;
  }

  private static int or(Integer value, int dflt) {
    return value == null ? dflt : value;
  }
}
