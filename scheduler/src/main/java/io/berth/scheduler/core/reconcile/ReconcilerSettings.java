package io.berth.scheduler.core.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timeouts of the reconciler: an instance that has not reached RUNNING {@code launchTimeout} after
 * it was launched is killed and replaced (Marathon's {@code task_launch_timeout}, 5 minutes); a kill
 * not confirmed after {@code killRetry} is sent again on every pass.
 */
public record ReconcilerSettings(Duration launchTimeout, Duration killRetry) {

  public static final ReconcilerSettings DEFAULT =
      new ReconcilerSettings(Duration.ofMinutes(5), Duration.ofSeconds(30));

  public ReconcilerSettings {
    requireNonNull(launchTimeout, "launchTimeout");
    requireNonNull(killRetry, "killRetry");
    if (launchTimeout.isNegative() || killRetry.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }
}
