package io.berth.executor.health;

import io.berth.api.model.HealthCheck;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The task a {@link HealthMonitor} watches: its checks, one probe per check (same order), and when it started. */
public record MonitoredTask(String taskId, String appId, Instant started, List<HealthCheck> checks, List<Probe> probes) {

  public MonitoredTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(started, "started");
    checks = List.copyOf(checks);
    probes = List.copyOf(probes);
    if (checks.size() != probes.size()) {
      throw new IllegalArgumentException("one probe per check");
    }
  }
}
