package io.berth.scheduler.testing.mesos;

import java.util.List;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Answers a RECONCILE as {@code Master::reconcile} does (reference section 7.5): source MASTER,
 * reason REASON_RECONCILIATION, no uuid, no data or message. Runs under the master's lock.
 */
final class Reconciliation {

  private final Master master;
  private final Framework fw;

  Reconciliation(Master master, Framework fw) {
    this.master = master;
    this.fw = fw;
  }

  static TimeInfo time(double seconds) {
    return TimeInfo.newBuilder().setNanoseconds((long) (seconds * 1_000_000_000L)).build();
  }

  void reconcile(List<Call.Reconcile.Task> asked) {
    if (asked.isEmpty()) {
      implicit();
      return;
    }
    for (Call.Reconcile.Task r : asked) {
      explicit(r);
    }
  }

  private void implicit() {
    for (MasterTask t : master.tasks.values()) {
      Agent a = master.agentsById.get(t.agentId);
      if (t.frameworkId.equals(fw.id) && a != null && a.registered) {
        reply(known(t));
      }
    }
  }

  private void explicit(Call.Reconcile.Task r) {
    String taskId = r.getTaskId().getValue();
    String agentId = r.hasAgentId() ? r.getAgentId().getValue() : null;
    MasterTask t = master.tasks.get(MasterTask.key(fw.id, taskId));
    if (t != null && (agentId == null || agentId.equals(t.agentId))) {
      Agent a = master.agentsById.get(t.agentId);
      if (a != null && a.registered) {
        reply(known(t));
      }
      return; // an agent that has not re-registered yet: no answer, the scheduler asks again
    }
    if (agentId == null) {
      if (master.agents.stream().allMatch(a -> a.registered)) {
        reply(unknown(taskId, null, TaskState.TASK_UNKNOWN));
      }
      return;
    }
    Agent a = master.agentsById.get(agentId);
    if (a == null) {
      reply(unknown(taskId, agentId, TaskState.TASK_UNKNOWN));
    } else if (a.lost) {
      reply(unknown(taskId, agentId, TaskState.TASK_UNREACHABLE)
          .setUnreachableTime(time(a.lostSince)));
    } else if (a.registered) {
      reply(unknown(taskId, agentId, TaskState.TASK_GONE));
    }
  }

  private TaskStatus.Builder known(MasterTask t) {
    TaskStatus.Builder b = t.latest == null
        ? Statuses.master(t.taskId(), t.agentId, t.state, TaskStatus.Reason.REASON_RECONCILIATION, null)
        : t.latest.toBuilder().clearUuid().clearData().clearMessage();
    b.setSource(TaskStatus.Source.SOURCE_MASTER).setReason(TaskStatus.Reason.REASON_RECONCILIATION)
        .setTimestamp(Statuses.now());
    if (t.unreachableSince != null) {
      b.setState(fw.partitionAware() ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST)
          .setUnreachableTime(time(t.unreachableSince));
    }
    return b;
  }

  private TaskStatus.Builder unknown(String taskId, String agentId, TaskState state) {
    TaskState s = fw.partitionAware() ? state : TaskState.TASK_LOST;
    return Statuses.master(taskId, agentId, s, TaskStatus.Reason.REASON_RECONCILIATION,
        "Reconciliation: task is unknown");
  }

  private void reply(TaskStatus.Builder status) {
    master.sendUpdate(fw, status.build());
  }
}
