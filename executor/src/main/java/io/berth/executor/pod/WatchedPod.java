package io.berth.executor.pod;

import io.berth.api.model.HealthCheckResult;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.health.HealthMonitor;
import io.berth.executor.health.MonitoredTask;
import io.berth.executor.health.Probe;
import io.berth.executor.health.Probes;
import io.berth.executor.health.SensuPublisher;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pod the runner watches: its plan, its containers, and its health monitor. */
final class WatchedPod implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WatchedPod.class);

  private final PodPlan plan;
  private final RunningPod pod;
  private final RunnerContext context;
  private final Consumer<String> killer;
  private volatile HealthMonitor monitor;
  private volatile Boolean healthy;

  WatchedPod(PodPlan plan, RunningPod pod, RunnerContext context, Consumer<String> killer) {
    this.plan = plan;
    this.pod = pod;
    this.context = context;
    this.killer = killer;
  }

  PodPlan plan() {
    return plan;
  }

  RunningPod pod() {
    return pod;
  }

  Boolean healthy() {
    return healthy;
  }

  void startHealthChecks() {
    if (plan.healthChecks().isEmpty()) {
      return;
    }
    List<Probe> probes = plan.healthChecks().stream()
        .map(c -> Probes.of(c, plan.hostPorts(), context.runtime(), pod.appContainerId())).toList();
    MonitoredTask task = new MonitoredTask(pod.taskId(), pod.appId(), context.clock().instant(),
        plan.healthChecks(), probes);
    monitor = new HealthMonitor(task, context.clock(), context.timer(), context.workers(),
        sensuPublisher().orElse(null), new HealthMonitor.Callback() {
          @Override
          public void onResults(List<HealthCheckResult> results, Boolean aggregate, boolean changed, String message) {
            healthy = aggregate;
            context.listener().onHealthResults(pod.taskId(), results);
            if (changed) {
              context.listener().onStatus(pod.taskId(), PodStatus.RUNNING, message, aggregate);
            }
          }

          @Override
          public void onKill(String reason) {
            killer.accept(reason);
          }
        });
    monitor.start();
  }

  /**
   * The Sensu agent's events API as seen from the executor: the pod's IP on the Docker bridge
   * (the app's when the agent shares its namespace, the agent's own for a HOST app), port 3031.
   */
  private Optional<SensuPublisher> sensuPublisher() {
    String sensuId = pod.containerIds().get(Role.SENSU);
    if (sensuId == null) {
      return Optional.empty();
    }
    String holder = plan.bridge() ? pod.appContainerId() : sensuId;
    Optional<String> ip = context.runtime().inspect(holder).map(ContainerInfo::ipAddress);
    if (ip.isEmpty()) {
      LOG.warn("No IP for the Sensu helper of pod {}: health results will not reach Sensu", pod.taskId());
    }
    return ip.map(a -> new SensuPublisher(a, HelperContainers.SENSU_API_PORT));
  }

  @Override
  public void close() {
    HealthMonitor m = monitor;
    if (m != null) {
      m.close();
    }
  }
}
