package io.berth.scheduler.cluster.local;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.scheduler.core.matching.Resources;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one task takes from the agent: its app's cpus, memory and disk, and its host ports (the
 * app's ports and the fluentd helper's forward port). The helpers' own limits are not counted, as
 * the matcher does not count them either.
 */
record TaskUsage(Resources resources, Set<Integer> ports) {

  static final TaskUsage NONE = new TaskUsage(Resources.NONE, Set.of());

  TaskUsage {
    ports = Set.copyOf(ports);
  }

  static TaskUsage of(TaskPayload payload) {
    App app = payload.app();
    Resources r = new Resources(orZero(app.cpus()), orZero(app.mem()), orZero(app.disk()), 0);
    Set<Integer> ports = new LinkedHashSet<>();
    payload.hostPorts().stream().filter(p -> p != null && p > 0).forEach(ports::add);
    if (payload.fluentdHostPort() > 0) {
      ports.add(payload.fluentdHostPort());
    }
    return new TaskUsage(r, ports);
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  @Override
  public String toString() {
    return resources.cpus() + " cpus, " + resources.memMb() + " MB mem, " + resources.diskMb() + " MB disk and ports "
        + ports;
  }
}
