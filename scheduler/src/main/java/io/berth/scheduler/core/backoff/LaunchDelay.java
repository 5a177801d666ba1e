package io.berth.scheduler.core.backoff;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The launch delay of one app: {@code failures} failed runs in a row, the last at
 * {@code lastFailureAt}; no instance of the app is launched before {@code until}.
 * {@link #none(String)} is the delay of an app with no recent failures.
 */
public record LaunchDelay(String appId, int failures, Instant lastFailureAt, Instant until) {

  public LaunchDelay {
    requireNonNull(appId, "appId");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative");
    }
    if (failures > 0 && (lastFailureAt == null || until == null)) {
      throw new IllegalArgumentException("a delay after failures needs lastFailureAt and until");
    }
  }

  public static LaunchDelay none(String appId) {
    return new LaunchDelay(appId, 0, null, null);
  }

  /** True while launches of the app must wait. */
  public boolean isDelayed(Instant now) {
    return until != null && now.isBefore(until);
  }

  /** Whole seconds left until launches may go ahead (rounded up), 0 when they may already. */
  public long timeLeftSeconds(Instant now) {
    if (!isDelayed(now)) {
      return 0;
    }
    Duration left = Duration.between(now, until);
    return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
  }

  /** Marathon's {@code overdue}: the delay is over, so a waiting instance is only waiting for an offer. */
  public boolean overdue(Instant now) {
    return !isDelayed(now);
  }
}
