package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.matching.RoleShare;
import java.time.Duration;
import java.util.List;

/**
 * The Berth executor for one task: the Mesos fetcher downloads {@code jarUri} into the sandbox as
 * {@code berth-executor.jar} and the agent runs {@code java -jar berth-executor.jar}. Its own
 * {@code resources} come out of the same offer as the task's.
 *
 * @param shutdownGrace how long the agent waits after SHUTDOWN before destroying the container;
 *     null for the agent's default
 * @param cacheable whether the agent's fetcher may cache the jar by its URI: only when the URI
 *     names the jar's content (a new jar gets a new URI)
 */
public record ExecutorLaunch(String executorId, String jarUri, List<RoleShare> resources, Duration shutdownGrace,
                             boolean cacheable) {
  public ExecutorLaunch {
    requireNonNull(executorId, "executorId");
    requireNonNull(jarUri, "jarUri");
    resources = List.copyOf(resources);
    if (executorId.isBlank() || jarUri.isBlank()) {
      throw new IllegalArgumentException("executor id and jar URI must not be blank");
    }
    if (shutdownGrace != null && shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative, was " + shutdownGrace);
    }
  }

  public ExecutorLaunch(String executorId, String jarUri, List<RoleShare> resources, Duration shutdownGrace) {
    this(executorId, jarUri, resources, shutdownGrace, false);
  }

  /** One executor per task: its id is derived from the task's, so relaunches never share one. */
  public static String executorIdFor(String taskId) {
    return "berth-executor." + taskId;
  }
}
