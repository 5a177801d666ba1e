package io.berth.executor.pod;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a planned pod container by container, and takes pods apart. Blocking; no threads of its own. */
final class PodLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(PodLauncher.class);

  private final ContainerRuntime runtime;
  private final Duration helperReadyTimeout;

  PodLauncher(ContainerRuntime runtime, Duration helperReadyTimeout) {
    this.runtime = runtime;
    this.helperReadyTimeout = helperReadyTimeout;
  }

  /**
   * Makes sure every image is there (so a failed pull creates nothing), then starts the pod: fluentd helper (and waits for its forward port), app, Sensu helper. On any
   * failure removes what it created and throws with the reason.
   */
  RunningPod start(PodPlan plan) {
    removeLeftovers(plan.taskId());
    Map<Role, String> ids = new EnumMap<>(Role.class);
    try {
      for (ContainerSpec spec : plan.startOrder()) {
        runtime.ensureImage(spec.image(), spec.forcePull());
      }
      for (ContainerSpec spec : plan.startOrder()) {
        ids.put(spec.role(), runtime.create(spec));
        runtime.start(ids.get(spec.role()));
        if (spec.role() == Role.FLUENTD && !runtime.awaitTcpPort("127.0.0.1", plan.fluentdHostPort(), helperReadyTimeout)) {
          throw new ContainerRuntimeException("the fluentd helper did not accept connections on 127.0.0.1:"
              + plan.fluentdHostPort() + " within " + helperReadyTimeout.toSeconds() + " s");
        }
      }
      return new RunningPod(plan.taskId(), plan.appId(), plan.appVersion(), ids);
    } catch (RuntimeException e) {
      LOG.warn("Pod {} failed to start: {}", plan.taskId(), e.getMessage());
      List<String> created = new ArrayList<>(ids.values());
      Collections.reverse(created);
      removeAll(created);
      throw e;
    }
  }

  /** Stops the containers in the given order (SIGTERM, SIGKILL after grace), then removes them all. */
  void stopAndRemove(List<String> containerIdsInStopOrder, Duration grace) {
    for (String id : containerIdsInStopOrder) {
      try {
        runtime.stop(id, grace);
      } catch (ContainerRuntimeException e) {
        LOG.warn("Stopping container {} failed, removing it anyway: {}", id, e.getMessage());
      }
    }
    removeAll(containerIdsInStopOrder);
  }

  private void removeAll(List<String> ids) {
    for (String id : ids) {
      try {
        runtime.remove(id);
      } catch (ContainerRuntimeException e) {
        LOG.error("Could not remove container {}: {}", id, e.getMessage());
      }
    }
  }

  /** A launch after a crash mid-launch finds the half-made pod of the same task: it goes first. */
  private void removeLeftovers(String taskId) {
    List<ContainerInfo> leftovers = runtime.list(Map.of(PodLabels.TASK_ID, taskId));
    if (!leftovers.isEmpty()) {
      LOG.info("Removing {} leftover container(s) of task {}", leftovers.size(), taskId);
      removeAll(leftovers.stream().map(ContainerInfo::id).toList());
    }
  }
}
