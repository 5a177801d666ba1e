package io.berth.scheduler.cluster.local;

import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.core.instances.InstanceState;
import java.util.List;

/** Where the pods of one driver run report (the driver books each status, then passes it on). */
interface StatusSink {

  void onTaskStatus(String taskId, InstanceState state, String message, Boolean healthy);

  void onHealthResults(String taskId, List<HealthCheckResult> results);
}
