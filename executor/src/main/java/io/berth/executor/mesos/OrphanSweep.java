package io.berth.executor.mesos;

import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import io.berth.executor.mesos.OrphanReaper.Orphan;
import io.berth.executor.pod.PodLabels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Removes the pods that dead executors left on this agent's Docker engine: lists the agent's pods,
 * lets {@link OrphanReaper} choose, and stops (SIGTERM, SIGKILL after a short grace) and removes
 * each chosen pod's containers in reverse start order. A container that will not stop or go is
 * logged and the sweep goes on; a listing that fails throws.
 */
public final class OrphanSweep {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);
  /** Orphans are already lost to Mesos; they get a short chance to stop cleanly. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

  private final ContainerRuntime runtime;
  private final ProcessIdentity self;
  private final Function<ProcessIdentity, Liveness> liveness;
  private final Duration grace;

  public OrphanSweep(ContainerRuntime runtime, ProcessIdentity self, Function<ProcessIdentity, Liveness> liveness,
      Duration grace) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.self = Objects.requireNonNull(self, "self");
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  /**
   * Removes the orphaned pods of agent {@code agentId}.
   *
   * @return the pods it took down
   * @throws ContainerRuntimeException when the engine cannot list containers
   */
  public List<Orphan> sweep(String agentId) {
    List<Orphan> orphans = OrphanReaper.orphans(runtime.list(Map.of(PodLabels.AGENT_ID, agentId)), agentId, self,
        liveness);
    for (Orphan orphan : orphans) {
      MDC.put("taskId", orphan.taskId());
      try {
        LOG.warn("Removing orphaned pod of task {} (app {}, {} containers): its executor {} is gone", orphan.taskId(),
            orphan.appId(), orphan.containerIds().size(), String.join(", ", orphan.owners()));
        orphan.containerIds().forEach(this::stop);
        orphan.containerIds().forEach(this::remove);
      } finally {
        MDC.remove("taskId");
      }
    }
    return orphans;
  }

  private void stop(String containerId) {
    try {
      runtime.stop(containerId, grace);
    } catch (ContainerRuntimeException e) {
      LOG.warn("Stopping orphaned container {} failed, removing it anyway: {}", containerId, e.getMessage());
    }
  }

  private void remove(String containerId) {
    try {
      runtime.remove(containerId);
    } catch (ContainerRuntimeException e) {
      LOG.error("Could not remove orphaned container {}: {}", containerId, e.getMessage());
    }
  }
}
