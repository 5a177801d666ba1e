package io.berth.scheduler.testing.mesos;

import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;

/** An agent's view of one task; guarded by the master's lock. */
final class AgentTask {
  final String frameworkId;
  final TaskInfo info;
  final ExecutorRun run;
  TaskStatus latest;
  boolean launched;

  AgentTask(String frameworkId, TaskInfo info, ExecutorRun run) {
    this.frameworkId = frameworkId;
    this.info = info;
    this.run = run;
  }

  String taskId() {
    return info.getTaskId().getValue();
  }

  boolean terminal() {
    return latest != null && Statuses.terminalOnAgent(latest.getState());
  }
}
