package io.berth.scheduler.cluster.local;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.pod.PodInfo;
import io.berth.executor.pod.PodLabels;
import io.berth.executor.pod.Role;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the pods found on the engine at start mean as tasks: a running app container is a RUNNING
 * task; an exited app is FINISHED (code 0) or FAILED (with the exit message); an app container that
 * never started, or a pod without an app container (a launch or teardown cut short), is FAILED.
 */
final class PodScan {

  static final String FOUND_RUNNING = "running (found at start-up)";

  /** The tasks to report, and which of them ended (their containers are to be removed). */
  record Result(List<ObservedTask> observed, List<ObservedTask> ended) {}

  private PodScan() {}

  /**
   * @param inspect the engine's inspect (a listing does not carry exit codes)
   */
  static Result of(List<PodInfo> pods, String agentId, Function<String, Optional<ContainerInfo>> inspect) {
    List<ObservedTask> observed = new ArrayList<>();
    List<ObservedTask> ended = new ArrayList<>();
    for (PodInfo pod : pods) {
      if (!ours(pod, agentId)) {
        continue;
      }
      ObservedTask task = task(pod, agentId, inspect);
      observed.add(task);
      if (task.state().isTerminal()) {
        ended.add(task);
      }
    }
    return new Result(observed, ended);
  }

  /**
   * A pod is this agent's unless one of its containers names another agent: another Berth
   * installation on the same Docker engine. Pods without the label (made before it existed) count
   * as ours.
   */
  static boolean ours(PodInfo pod, String agentId) {
    return pod.containers().stream().map(c -> c.labels().get(PodLabels.AGENT_ID))
        .allMatch(a -> a == null || a.equals(agentId));
  }

  private static ObservedTask task(PodInfo pod, String agentId, Function<String, Optional<ContainerInfo>> inspect) {
    Optional<ContainerInfo> listed = pod.container(Role.APP);
    if (listed.isEmpty()) {
      return failed(pod, agentId, "an incomplete pod without an app container (a launch or teardown was cut short)");
    }
    if (listed.get().running()) {
      return new ObservedTask(pod.taskId(), agentId, InstanceState.RUNNING, null, FOUND_RUNNING);
    }
    Optional<ContainerInfo> app = inspect.apply(listed.get().id());
    if (app.isEmpty()) {
      return failed(pod, agentId, "the app container disappeared");
    }
    ContainerInfo c = app.get();
    if (c.running()) {
      return new ObservedTask(pod.taskId(), agentId, InstanceState.RUNNING, null, FOUND_RUNNING);
    }
    if ("created".equals(c.state())) {
      return failed(pod, agentId, "the launch was cut short: the app container was created but never started");
    }
    if (!c.exited()) {
      return failed(pod, agentId, "the app container is " + c.state());
    }
    String message = "the app exited with code " + c.exitCode() + (c.oomKilled() ? " (out of memory)" : "")
        + (c.error() == null || c.error().isBlank() ? "" : ": " + c.error());
    InstanceState state = Integer.valueOf(0).equals(c.exitCode()) ? InstanceState.FINISHED : InstanceState.FAILED;
    return new ObservedTask(pod.taskId(), agentId, state, null, message);
  }

  private static ObservedTask failed(PodInfo pod, String agentId, String message) {
    return new ObservedTask(pod.taskId(), agentId, InstanceState.FAILED, null, message);
  }
}
