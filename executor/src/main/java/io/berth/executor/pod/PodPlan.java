package io.berth.executor.pod;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one task runs: its containers in start order (fluentd helper, app, Sensu helper; helpers
 * only when switched on), the kill grace period, and what the health checks need. Pure: built
 * from a {@link TaskPayload} by {@link #of(TaskPayload)}, no Docker involved.
 *
 * @param hostPorts the host ports of the app's ports in order (PORT0..n), for health checks
 * @param bridge whether the app has its own network namespace (BRIDGE or a user network)
 */
public record PodPlan(
    String taskId,
    String appId,
    String appVersion,
    List<ContainerSpec> containers,
    Duration killGrace,
    int fluentdHostPort,
    List<HealthCheck> healthChecks,
    List<Integer> hostPorts,
    boolean bridge) {

  /** Used when the app sets no {@code taskKillGracePeriodSeconds}. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(3);

  public PodPlan {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(killGrace, "killGrace");
    containers = List.copyOf(containers);
    healthChecks = List.copyOf(healthChecks);
    hostPorts = List.copyOf(hostPorts);
    if (containers.stream().noneMatch(c -> c.role() == Role.APP)) {
      throw new IllegalArgumentException("a pod needs an app container");
    }
  }

  /**
   * The plan for one task.
   *
   * @throws InvalidPodException when the task cannot run (the message is for the user)
   */
  public static PodPlan of(TaskPayload payload) {
    return PodPlanner.plan(payload);
  }

  /**
   * This plan with {@code extra} labels on every container (the Mesos executor's owner labels);
   * the pod's own labels are never replaced.
   */
  public PodPlan withLabels(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    return new PodPlan(taskId, appId, appVersion, containers.stream().map(c -> c.withLabels(extra)).toList(),
        killGrace, fluentdHostPort, healthChecks, hostPorts, bridge);
  }

  /** Containers in the order they start. */
  public List<ContainerSpec> startOrder() {
    return containers;
  }

  /** Containers in the order they stop: the reverse of the start order. */
  public List<ContainerSpec> stopOrder() {
    List<ContainerSpec> reversed = new ArrayList<>(containers);
    Collections.reverse(reversed);
    return reversed;
  }

  public ContainerSpec app() {
    return container(Role.APP).orElseThrow();
  }

  public Optional<ContainerSpec> container(Role role) {
    return containers.stream().filter(c -> c.role() == role).findFirst();
  }
}
