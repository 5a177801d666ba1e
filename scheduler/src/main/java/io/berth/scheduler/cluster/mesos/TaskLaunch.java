package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.matching.RoleShare;
import java.util.List;

/**
 * One task of an ACCEPT: what {@link Calls#accept} turns into a LAUNCH's TaskInfo.
 *
 * @param resources the task's share of the offer, per role (from the matcher's {@code Launch})
 * @param data the task payload for the executor, delivered unchanged in its LAUNCH event
 */
public record TaskLaunch(String taskId, String name, String agentId, List<RoleShare> resources,
                         ExecutorLaunch executor, byte[] data) {
  public TaskLaunch {
    requireNonNull(taskId, "taskId");
    requireNonNull(name, "name");
    requireNonNull(agentId, "agentId");
    requireNonNull(executor, "executor");
    requireNonNull(data, "data");
    resources = List.copyOf(resources);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
