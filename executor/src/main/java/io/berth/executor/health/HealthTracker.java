package io.berth.executor.health;

import io.berth.api.model.HealthCheck;
import io.berth.api.model.HealthCheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Marathon's health check semantics for one check of one task, without I/O or clocks (time is
 * passed in). Failures within {@code gracePeriodSeconds} of the task's start are ignored until
 * the first success; after that every failure counts. A task is alive when its last counted result
 * was a success. It is to be killed when {@code maxConsecutiveFailures} (&gt; 0) failures in a row
 * are reached; 0 means never.
 */
public final class HealthTracker {

  private final String taskId;
  private final Instant graceEnds;
  private final int maxConsecutiveFailures;
  private HealthCheckResult state;

  public HealthTracker(String taskId, HealthCheck check, Instant taskStarted) {
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    int grace = check.gracePeriodSeconds() == null ? HealthCheck.DEFAULT_GRACE_PERIOD_SECONDS : check.gracePeriodSeconds();
    this.graceEnds = taskStarted.plus(Duration.ofSeconds(grace));
    this.maxConsecutiveFailures = check.maxConsecutiveFailures() == null
        ? HealthCheck.DEFAULT_MAX_CONSECUTIVE_FAILURES : check.maxConsecutiveFailures();
  }

  /** The current state, or null before the first counted result. */
  public HealthCheckResult current() {
    return state;
  }

  public HealthDecision record(ProbeResult probe, Instant now) {
    boolean wasAlive = state != null && state.alive();
    boolean first = state == null;
    switch (probe.outcome()) {
      case IGNORED -> {
        return new HealthDecision(state, false, false);
      }
      case HEALTHY -> state = new HealthCheckResult(true, 0,
          state == null || state.firstSuccess() == null ? now.toString() : state.firstSuccess(),
          state == null ? null : state.lastFailure(), now.toString(),
          state == null ? null : state.lastFailureCause(), taskId);
      case FAILED -> {
        boolean neverSucceeded = state == null || state.firstSuccess() == null;
        if (neverSucceeded && now.isBefore(graceEnds)) {
          return new HealthDecision(state, false, false);
        }
        int failures = (state == null ? 0 : state.consecutiveFailures()) + 1;
        state = new HealthCheckResult(false, failures, state == null ? null : state.firstSuccess(),
            now.toString(), state == null ? null : state.lastSuccess(), probe.cause(), taskId);
      }
      default -> throw new IllegalStateException(probe.outcome().name());
    }
    boolean kill = !state.alive() && maxConsecutiveFailures > 0 && state.consecutiveFailures() >= maxConsecutiveFailures;
    return new HealthDecision(state, first || wasAlive != state.alive(), kill);
  }
}
