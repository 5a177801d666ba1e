package io.berth.scheduler.cluster.local;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.pod.PodInfo;
import io.berth.executor.pod.PodPlan;
import io.berth.executor.pod.PodRunner;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The blocking parts of a launch and an adoption, run on a worker. */
final class PodJobs {

  private static final Logger LOG = LoggerFactory.getLogger(PodJobs.class);

  private final PodRunner runner;
  private final ContainerRuntime runtime;
  private final String agentId;
  private final StatusSink sink;

  PodJobs(PodRunner runner, ContainerRuntime runtime, String agentId, StatusSink sink) {
    this.runner = runner;
    this.runtime = runtime;
    this.agentId = agentId;
    this.sink = sink;
  }

  /** Runs the pod; the runner reports STARTING, then RUNNING or FAILED. A launch that throws is FAILED too. */
  void launch(TaskPayload task) {
    MDC.put("taskId", task.taskId());
    try {
      runner.launch(task);
    } catch (RuntimeException e) {
      LOG.error("Launch of {} broke", task.taskId(), e);
      sink.onTaskStatus(task.taskId(), InstanceState.FAILED, "the launch broke: " + e.getMessage(), null);
    } finally {
      MDC.remove("taskId");
    }
  }

  /**
   * Watches a pod found at start again. When its app stopped in the meantime, the pod is removed and
   * its end is reported; when it cannot be watched (its plan no longer holds), it is killed.
   */
  void adopt(TaskPayload task) {
    String taskId = task.taskId();
    MDC.put("taskId", taskId);
    try {
      if (runner.adopt(task).isPresent()) {
        return;
      }
      Optional<PodInfo> pod = runner.findPod(taskId);
      Optional<ObservedTask> seen = pod.map(p -> PodScan.of(List.of(p), agentId, runtime::inspect).observed().get(0));
      runner.remove(taskId, PodPlan.DEFAULT_KILL_GRACE);
      boolean ended = seen.isPresent() && seen.get().state().isTerminal();
      sink.onTaskStatus(taskId, ended ? seen.get().state() : InstanceState.FAILED,
          ended ? seen.get().message() : "the app container disappeared before it was adopted", null);
    } catch (RuntimeException e) {
      LOG.error("Could not adopt {}; killing it", taskId, e);
      runner.kill(taskId, PodPlan.DEFAULT_KILL_GRACE, "could not be adopted: " + e.getMessage());
    } finally {
      MDC.remove("taskId");
    }
  }
}
