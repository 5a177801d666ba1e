package io.berth.scheduler.core.backoff;

import static java.util.Objects.requireNonNull;

import io.berth.api.model.App;
import java.time.Duration;

/**
 * An app's backoff settings: after the k-th failure in a row, the next launch of the app waits
 * {@code backoff × factor^(k-1)}, never more than {@code maxLaunchDelay}.
 */
public record BackoffConfig(Duration backoff, double factor, Duration maxLaunchDelay) {

  /** Marathon's defaults: 1 s, 1.15, 300 s. */
  public static final BackoffConfig DEFAULT =
      new BackoffConfig(Duration.ofSeconds(1), 1.15, Duration.ofSeconds(300));

  public BackoffConfig {
    requireNonNull(backoff, "backoff");
    requireNonNull(maxLaunchDelay, "maxLaunchDelay");
    if (backoff.isNegative() || maxLaunchDelay.isNegative()) {
      throw new IllegalArgumentException("backoff and maxLaunchDelay must not be negative");
    }
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("backoffFactor must be at least 1, was " + factor);
    }
  }

  /** The settings of an app definition; missing fields take Marathon's defaults. */
  public static BackoffConfig of(App app) {
    return new BackoffConfig(
        app.backoffSeconds() == null ? DEFAULT.backoff : Duration.ofSeconds(app.backoffSeconds()),
        app.backoffFactor() == null ? DEFAULT.factor : app.backoffFactor(),
        app.maxLaunchDelaySeconds() == null
            ? DEFAULT.maxLaunchDelay : Duration.ofSeconds(app.maxLaunchDelaySeconds()));
  }

  /** The delay after {@code failures} failures in a row; zero for none. Millisecond precision. */
  public Duration delayAfter(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    double millis = backoff.toMillis() * Math.pow(factor, failures - 1);
    double cap = maxLaunchDelay.toMillis();
    return Duration.ofMillis(Math.round(Math.min(millis, cap)));
  }
}
