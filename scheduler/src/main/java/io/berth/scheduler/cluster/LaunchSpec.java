package io.berth.scheduler.cluster;

import static java.util.Objects.requireNonNull;

import io.berth.api.executor.TaskPayload;
import io.berth.scheduler.core.matching.RoleShare;
import java.util.List;

/**
 * One task to launch on an offer: the payload its executor runs, and the exact resources the
 * matcher took for it from the offer, per role (including the driver's
 * {@link ClusterDriver#taskOverhead()}). Mesos needs the roles; the local cluster ignores them.
 */
public record LaunchSpec(TaskPayload task, List<RoleShare> resources) {
  public LaunchSpec {
    requireNonNull(task, "task");
    resources = List.copyOf(resources);
  }
}
