package io.berth.scheduler.core.backoff;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Marathon's launch backoff as pure functions over {@link LaunchDelay} values.
 *
 * <p>The count of failures in a row starts again from zero when
 * <ul>
 *   <li>an instance of the app becomes healthy ({@link #onHealthy}), for apps with health checks;
 *   <li>the failed instance had been RUNNING for at least {@code stableRun} (default 5 minutes)
 *       before it ended: for apps without health checks, that is what a good run means;
 *   <li>the delay ran out {@code maxLaunchDelay} ago with no failure since (Marathon drops such
 *       delays; {@link #canForget} tells the engine when it may drop the entry);
 *   <li>the app's configuration changes ({@link #onConfigChange}); scaling alone does not reset.
 * </ul>
 */
public record BackoffPolicy(Duration stableRun) {

  public static final BackoffPolicy DEFAULT = new BackoffPolicy(Duration.ofMinutes(5));

  public BackoffPolicy {
    requireNonNull(stableRun, "stableRun");
    if (stableRun.isNegative()) {
      throw new IllegalArgumentException("stableRun must not be negative");
    }
  }

  /**
   * An instance of the app ended badly at {@code now}.
   *
   * @param startedAt when that instance first ran; null if it never reached RUNNING
   */
  public LaunchDelay onFailure(LaunchDelay current, BackoffConfig config, Instant startedAt,
                               Instant now) {
    boolean ranStably = startedAt != null && !Duration.between(startedAt, now).minus(stableRun).isNegative();
    int before = ranStably || canForget(current, config, now) ? 0 : current.failures();
    int failures = before + 1;
    return new LaunchDelay(current.appId(), failures, now, now.plus(config.delayAfter(failures)));
  }

  /** An instance of the app became healthy: launch again without delay. */
  public LaunchDelay onHealthy(LaunchDelay current) {
    return LaunchDelay.none(current.appId());
  }

  /** The app's definition changed (not only its instance count): the new config starts afresh. */
  public LaunchDelay onConfigChange(LaunchDelay current) {
    return LaunchDelay.none(current.appId());
  }

  /** True when instances of the app may be launched now. */
  public boolean mayLaunch(LaunchDelay current, Instant now) {
    return !current.isDelayed(now);
  }

  /** True when the delay says nothing any more: no failures, or over for {@code maxLaunchDelay}. */
  public boolean canForget(LaunchDelay current, BackoffConfig config, Instant now) {
    return current.until() == null || !now.isBefore(current.until().plus(config.maxLaunchDelay()));
  }
}
