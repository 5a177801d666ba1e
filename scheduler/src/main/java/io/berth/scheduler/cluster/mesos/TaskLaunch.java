package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.matching.RoleShare;
import java.time.Duration;
import java.util.List;

/**
 * One task of an ACCEPT: what {@link Calls#accept} turns into a LAUNCH's TaskInfo.
 *
 * @param resources the task's share of the offer, per role (from the matcher's {@code Launch})
 * @param killGrace the task's kill policy (also used when the agent itself kills it); null for none
 * @param data the task payload for the executor (the {@code TaskPayload} JSON the executor reads),
 *     delivered unchanged in its LAUNCH event
 */
public record TaskLaunch(String taskId, String name, String agentId, List<RoleShare> resources,
                         ExecutorLaunch executor, Duration killGrace, byte[] data) {
  public TaskLaunch {
    requireNonNull(taskId, "taskId");
    requireNonNull(name, "name");
    requireNonNull(agentId, "agentId");
    requireNonNull(executor, "executor");
    requireNonNull(data, "data");
    resources = List.copyOf(resources);
    if (killGrace != null && killGrace.isNegative()) {
      throw new IllegalArgumentException("killGrace must not be negative, was " + killGrace);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
