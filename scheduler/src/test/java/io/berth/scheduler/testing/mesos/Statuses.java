package io.berth.scheduler.testing.mesos;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** TaskStatus values the emulator makes (master- and agent-generated), and state predicates. */
final class Statuses {

  private Statuses() {}

  static boolean terminal(TaskState s) {
    return switch (s) {
      case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_DROPPED, TASK_GONE,
          TASK_GONE_BY_OPERATOR -> true;
      // TASK_LOST is "not always terminal" for the master: an agent may bring the task back.
      default -> false;
    };
  }

  /** Terminal from the agent's point of view (it never revives a lost task itself). */
  static boolean terminalOnAgent(TaskState s) {
    return terminal(s) || s == TaskState.TASK_LOST;
  }

  static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  static ByteString newUuid() {
    UUID u = UUID.randomUUID();
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array());
  }

  /** A status without uuid, as the master makes them. */
  static TaskStatus.Builder master(String taskId, String agentId, TaskState state, TaskStatus.Reason reason,
      String message) {
    TaskStatus.Builder b = TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId))
        .setState(state).setSource(TaskStatus.Source.SOURCE_MASTER).setReason(reason).setTimestamp(now());
    if (agentId != null) {
      b.setAgentId(AgentID.newBuilder().setValue(agentId));
    }
    if (message != null) {
      b.setMessage(message);
    }
    return b;
  }

  /** A status with a fresh uuid, as the agent makes them (source agent). */
  static TaskStatus agent(String taskId, String agentId, String executorId, TaskState state,
      TaskStatus.Reason reason, String message) {
    TaskStatus.Builder b = TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId))
        .setState(state).setSource(TaskStatus.Source.SOURCE_AGENT).setTimestamp(now()).setUuid(newUuid())
        .setAgentId(AgentID.newBuilder().setValue(agentId));
    if (executorId != null) {
      b.setExecutorId(ExecutorID.newBuilder().setValue(executorId));
    }
    if (reason != null) {
      b.setReason(reason);
    }
    if (message != null) {
      b.setMessage(message);
    }
    return b.build();
  }

  /** What the stub executor reports (source executor, fresh uuid). */
  static TaskStatus executor(String taskId, String agentId, String executorId, TaskState state, String message) {
    return agent(taskId, agentId, executorId, state, null, message).toBuilder()
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR).build();
  }
}
