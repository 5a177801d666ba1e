package io.berth.executor.pod;

import io.berth.executor.docker.ContainerInfo;
import java.util.List;
import java.util.Optional;

/** A pod as found on the engine by its labels, whatever its state. */
public record PodInfo(String taskId, String appId, String appVersion, List<ContainerInfo> containers) {

  public PodInfo {
    containers = List.copyOf(containers);
  }

  public Optional<ContainerInfo> container(Role role) {
    return containers.stream().filter(c -> role.label().equals(c.labels().get(PodLabels.ROLE))).findFirst();
  }

  /** Whether the app container exists and runs. */
  public boolean appRunning() {
    return container(Role.APP).map(ContainerInfo::running).orElse(false);
  }
}
