package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Resubscribe back-off: exponential from {@code min} to {@code max}, with jitter, counting the
 * attempts that failed since the last SUBSCRIBED. Not thread-safe: one subscription loop owns it.
 */
public final class Backoff {
  /** Each delay is its exponential step times a factor in [1 - JITTER, 1 + JITTER). */
  static final double JITTER = 0.2;

  private final Duration min;
  private final Duration max;
  private final DoubleSupplier random;
  private int failures;

  public Backoff(Duration min, Duration max, DoubleSupplier random) {
    this.min = requireNonNull(min, "min");
    this.max = requireNonNull(max, "max");
    this.random = requireNonNull(random, "random");
  }

  /** The wait before the next attempt; counts one more failure. */
  public Duration next() {
    Duration delay = delay(min, max, failures, random.getAsDouble());
    if (failures < 62) {
      failures++;
    }
    return delay;
  }

  /** A subscription worked: the next wait starts again from {@code min}. */
  public void reset() {
    failures = 0;
  }

  /**
   * The pure rule: {@code min × 2^failures}, capped at {@code max}, times a jitter factor from
   * {@code unitRandom} in [0, 1), and kept within [min, max].
   */
  public static Duration delay(Duration min, Duration max, int failures, double unitRandom) {
    long minNanos = min.toNanos();
    long maxNanos = max.toNanos();
    long step = failures >= 62 || minNanos > (maxNanos >> Math.min(failures, 62))
        ? maxNanos
        : Math.min(maxNanos, minNanos << failures);
    double factor = 1 - JITTER + 2 * JITTER * unitRandom;
    long jittered = (long) (step * factor);
    return Duration.ofNanos(Math.max(minNanos, Math.min(maxNanos, jittered)));
  }
}
