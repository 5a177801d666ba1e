package io.berth.executor.pod;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A pod whose containers exist: the container id of each role. */
public record RunningPod(String taskId, String appId, String appVersion, Map<Role, String> containerIds) {

  public RunningPod {
    Objects.requireNonNull(taskId, "taskId");
    containerIds = Collections.unmodifiableMap(new EnumMap<>(containerIds));
    if (!containerIds.containsKey(Role.APP)) {
      throw new IllegalArgumentException("a running pod has an app container");
    }
  }

  public String appContainerId() {
    return containerIds.get(Role.APP);
  }
}
