package io.berth.executor.mesos;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.pod.PodLabels;
import io.berth.executor.pod.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which pods on this Docker engine lost their Mesos executor: pods whose every container
 * names this agent and an owner process ({@code berth.executor-owner}) that is {@link Liveness#GONE}.
 * Pods without the owner label (the local cluster's, or older ones), of another agent, with an
 * unreadable owner, owned by this very process or by one that is alive or cannot be judged are
 * never chosen. Pure: liveness is asked of the function it is given.
 */
final class OrphanReaper {

  /**
   * A pod to take down.
   *
   * @param owners the owner labels of its containers (one, unless the pod is odd)
   * @param containerIds every container of the pod, in stop order (Sensu, app, fluentd; unknown roles first)
   */
  record Orphan(String taskId, String appId, List<String> owners, List<String> containerIds) {
    Orphan {
      Objects.requireNonNull(taskId, "taskId");
      owners = List.copyOf(owners);
      containerIds = List.copyOf(containerIds);
    }
  }

  private static final List<String> STOP_ORDER = List.of(Role.SENSU.label(), Role.APP.label(), Role.FLUENTD.label());

  private OrphanReaper() {}

  /**
   * @param containers the engine's containers (any; only Berth pods are looked at)
   * @param agentId the agent this executor runs on
   * @param self this executor process
   * @param liveness whether a process still runs on this host
   */
  static List<Orphan> orphans(List<ContainerInfo> containers, String agentId, ProcessIdentity self,
      Function<ProcessIdentity, Liveness> liveness) {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(self, "self");
    Map<String, List<ContainerInfo>> pods = new LinkedHashMap<>();
    for (ContainerInfo c : containers) {
      String taskId = c.labels().get(PodLabels.TASK_ID);
      if (taskId != null) {
        pods.computeIfAbsent(taskId, t -> new ArrayList<>()).add(c);
      }
    }
    Map<ProcessIdentity, Liveness> asked = new HashMap<>();
    List<Orphan> orphans = new ArrayList<>();
    pods.forEach((taskId, pod) -> {
      if (orphaned(pod, agentId, self, owner -> asked.computeIfAbsent(owner, liveness))) {
        orphans.add(new Orphan(taskId, pod.get(0).labels().get(PodLabels.APP_ID), owners(pod), stopOrder(pod)));
      }
    });
    return orphans;
  }

  private static boolean orphaned(List<ContainerInfo> pod, String agentId, ProcessIdentity self,
      Function<ProcessIdentity, Liveness> liveness) {
    for (ContainerInfo c : pod) {
      if (!agentId.equals(c.labels().get(PodLabels.AGENT_ID))) {
        return false;
      }
      Optional<ProcessIdentity> owner = ProcessIdentity.parse(c.labels().get(PodLabels.EXECUTOR_OWNER));
      if (owner.isEmpty() || owner.get().equals(self) || liveness.apply(owner.get()) != Liveness.GONE) {
        return false;
      }
    }
    return true;
  }

  private static List<String> owners(List<ContainerInfo> pod) {
    return pod.stream().map(c -> c.labels().get(PodLabels.EXECUTOR_OWNER)).distinct().toList();
  }

  private static List<String> stopOrder(List<ContainerInfo> pod) {
    return pod.stream()
        .sorted(Comparator.comparingInt(c -> STOP_ORDER.indexOf(c.labels().get(PodLabels.ROLE))))
        .map(ContainerInfo::id)
        .toList();
  }
}
