package io.berth.scheduler.testing.mesos;

import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** The master's record of one task; guarded by the {@link Master}'s lock. */
final class MasterTask {
  final String frameworkId;
  final TaskInfo info;
  final String agentId;
  final String executorId;
  final Res resources;
  TaskState state = TaskState.TASK_STAGING;
  /** The latest status (null while STAGING). */
  TaskStatus latest;
  /** Set while the task's agent is unreachable: the time it was marked so, in seconds. */
  Double unreachableSince;

  MasterTask(String frameworkId, TaskInfo info, String executorId, Res resources) {
    this.frameworkId = frameworkId;
    this.info = info;
    this.agentId = info.getAgentId().getValue();
    this.executorId = executorId;
    this.resources = resources;
  }

  String taskId() {
    return info.getTaskId().getValue();
  }

  boolean terminal() {
    return Statuses.terminal(state);
  }

  static String key(String frameworkId, String taskId) {
    return frameworkId + "\n" + taskId;
  }
}
