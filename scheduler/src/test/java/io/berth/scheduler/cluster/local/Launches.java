package io.berth.scheduler.cluster.local;

import io.berth.api.executor.TaskPayload;
import io.berth.scheduler.cluster.LaunchSpec;
import java.util.List;

/** One task as the engine hands it to a driver (the local cluster does not look at roles). */
final class Launches {
  private Launches() {}

  static List<LaunchSpec> one(TaskPayload task) {
    return List.of(new LaunchSpec(task, List.of()));
  }
}
