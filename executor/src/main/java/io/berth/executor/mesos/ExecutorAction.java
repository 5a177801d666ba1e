package io.berth.executor.mesos;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;

/** What {@link ExecutorState} decides; {@link MesosExecutor} carries it out. */
sealed interface ExecutorAction {

  /** POST an UPDATE call with this status (it stays unacknowledged until ACKNOWLEDGED). */
  record SendUpdate(TaskStatus status) implements ExecutorAction {
    public SendUpdate {
      Objects.requireNonNull(status, "status");
    }
  }

  /** Start this task's pod. */
  record LaunchPod(TaskInfo task) implements ExecutorAction {
    public LaunchPod {
      Objects.requireNonNull(task, "task");
    }
  }

  /** Stop this task's pod; {@code grace} null means the pod's own kill grace period. */
  record KillPod(String taskId, Duration grace) implements ExecutorAction {
    public KillPod {
      Objects.requireNonNull(taskId, "taskId");
    }
  }

  /**
   * Remove the pods that dead executors left on this agent, then report {@link ExecutorState#onOrphansReaped};
   * launches wait for that, so that a task never races its predecessor's containers for host ports.
   */
  record ReapOrphans() implements ExecutorAction {}

  /** The agent connection is gone: connect again after a back-off, with {@link ExecutorState#subscribe}. */
  record Resubscribe() implements ExecutorAction {}

  /** Stop the executor process with this exit code. */
  record Exit(int code, String reason) implements ExecutorAction {}

  /** The body of a SUBSCRIBE call: what the agent may not have yet. */
  record Subscription(List<TaskInfo> unacknowledgedTasks, List<TaskStatus> unacknowledgedUpdates) {
    public Subscription {
      unacknowledgedTasks = List.copyOf(unacknowledgedTasks);
      unacknowledgedUpdates = List.copyOf(unacknowledgedUpdates);
    }
  }
}
