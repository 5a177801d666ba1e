package io.berth.executor.pod;

import io.berth.api.model.HealthCheckResult;
import java.util.List;

/**
 * Where a {@link PodRunner} reports. Called from the runner's threads (and from the thread that
 * called {@code launch}); implementations must be thread-safe and quick.
 */
public interface PodListener {

  /**
   * A status of one task.
   *
   * @param message why, for the user (a failure message is the daemon's or the plan's own words)
   * @param healthy null when the app has no health checks or none has reported yet; otherwise
   *     whether all its checks are alive
   */
  void onStatus(String taskId, PodStatus status, String message, Boolean healthy);

  /** The latest result of each health check (index order) whenever a probe was counted. */
  default void onHealthResults(String taskId, List<HealthCheckResult> results) {}
}
