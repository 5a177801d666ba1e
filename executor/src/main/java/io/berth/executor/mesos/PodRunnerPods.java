package io.berth.executor.mesos;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.pod.PodLabels;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodRunner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Pods} on the real {@link PodRunner} and the local Docker engine. */
public final class PodRunnerPods implements Pods {

  private static final Logger LOG = LoggerFactory.getLogger(PodRunnerPods.class);

  private final PodRunner runner;
  private final OrphanSweep sweep;

  /** @param sweep null when this process cannot tell its own identity (then nothing is reaped) */
  public PodRunnerPods(PodRunner runner, OrphanSweep sweep) {
    this.runner = runner;
    this.sweep = sweep;
  }

  /**
   * Pods on the Docker engine that {@code DOCKER_HOST} (or the default socket) names, each container
   * labelled with the framework, the executor and this process ({@link #ownerLabels}).
   */
  public static Pods onDocker(PodListener listener, String frameworkId, String executorId) {
    ContainerRuntime runtime = DockerContainerRuntime.fromEnvironment();
    HostProcesses processes = HostProcesses.system();
    Optional<ProcessIdentity> self = processes.self();
    if (self.isEmpty()) {
      LOG.warn("/proc does not tell this process's identity: its pods carry no {} label, and orphaned pods are "
          + "not removed", PodLabels.EXECUTOR_OWNER);
    }
    PodRunner runner = PodRunner.create(runtime, listener, ownerLabels(frameworkId, executorId, self));
    return new PodRunnerPods(runner,
        self.map(s -> new OrphanSweep(runtime, s, processes::liveness, OrphanSweep.DEFAULT_GRACE)).orElse(null));
  }

  /** The labels a Mesos executor puts on every container it starts, besides the pod's own. */
  public static Map<String, String> ownerLabels(String frameworkId, String executorId, Optional<ProcessIdentity> self) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PodLabels.FRAMEWORK_ID, frameworkId);
    labels.put(PodLabels.EXECUTOR_ID, executorId);
    self.ifPresent(s -> labels.put(PodLabels.EXECUTOR_OWNER, s.label()));
    return labels;
  }

  @Override
  public void launch(TaskPayload payload) {
    runner.launch(payload);
  }

  @Override
  public void kill(String taskId, Duration grace, String message) {
    if (grace == null) {
      runner.kill(taskId);
    } else {
      runner.kill(taskId, grace, message);
    }
  }

  @Override
  public void reapOrphans(String agentId) {
    if (sweep != null) {
      sweep.sweep(agentId);
    }
  }

  @Override
  public void close() {
    runner.close();
  }
}
