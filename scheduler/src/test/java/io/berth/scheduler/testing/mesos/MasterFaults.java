package io.berth.scheduler.testing.mesos;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults a test scripts on the masters: cut streams, agent partitions (TASK_UNREACHABLE or
 * TASK_LOST, RESCIND, FAILURE; re-registration reports the tasks again) and master failover
 * (streams cut, offers void, agents re-register with the new leader). Callers hold the
 * master's lock.
 */
final class MasterFaults {

  private static final Logger LOG = LoggerFactory.getLogger(MasterFaults.class);

  private final Master m;

  MasterFaults(Master master) {
    this.m = master;
  }

  void dropStreams() {
    for (Framework fw : m.frameworks.values()) {
      if (fw.stream != null) {
        fw.stream.drop();
        m.disconnect(fw, true);
      }
    }
  }

  void loseAgent(Agent a) {
    if (a.lost) {
      return;
    }
    a.lost = true;
    double now = Statuses.now();
    a.lostSince = now;
    for (MasterTask t : m.tasks.values()) {
      if (t.agentId.equals(a.id) && !t.terminal() && t.unreachableSince == null) {
        Framework fw = m.frameworks.get(t.frameworkId);
        boolean aware = fw != null && fw.partitionAware();
        t.state = aware ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
        t.unreachableSince = now;
        TaskStatus status = Statuses.master(t.taskId(), a.id, t.state, TaskStatus.Reason.REASON_AGENT_REMOVED,
            "Agent " + a.id + " is unreachable").setUnreachableTime(Reconciliation.time(now)).build();
        t.latest = status;
        m.sendUpdate(fw, status);
      }
    }
    m.allocator.rescindOffersOn(a);
    Event failure = Event.newBuilder().setType(Event.Type.FAILURE)
        .setFailure(Event.Failure.newBuilder().setAgentId(AgentID.newBuilder().setValue(a.id))).build();
    for (Framework fw : m.frameworks.values()) {
      m.send(fw, failure);
    }
  }

  void restoreAgent(Agent a) {
    if (!a.lost) {
      return;
    }
    a.lost = false;
    if (!a.registered) {
      return;
    }
    reportReregisteredTasks(a);
    a.resendUpdates();
  }

  private void reportReregisteredTasks(Agent a) {
    for (MasterTask t : m.tasks.values()) {
      if (!t.agentId.equals(a.id) || t.unreachableSince == null) {
        continue;
      }
      TaskStatus current = a.currentStatus(t.frameworkId, t.taskId());
      if (current == null || Statuses.terminalOnAgent(current.getState())) {
        continue; // the agent's own status update stream brings what happened
      }
      t.unreachableSince = null;
      t.state = current.getState();
      TaskStatus status = current.toBuilder().clearUuid().clearData().clearMessage()
          .setSource(TaskStatus.Source.SOURCE_MASTER).setReason(TaskStatus.Reason.REASON_AGENT_REREGISTERED)
          .setMessage("Agent " + a.id + " reregistered").setTimestamp(Statuses.now()).build();
      t.latest = status;
      m.sendUpdate(m.frameworks.get(t.frameworkId), status);
    }
  }

  /** Master failover: streams cut, offers void, agents re-register with the new leader. */
  void failover(int newLeader, Duration noLeaderFor, Duration reregisterDelay) {
    LOG.info("Master failover to master {}", newLeader);
    for (Framework fw : m.frameworks.values()) {
      if (fw.stream != null) {
        fw.stream.drop();
        m.disconnect(fw, false);
      }
      if (fw.failoverTimer != null) {
        fw.failoverTimer.cancel(false); // a new leader does not know the old one's timers (MESOS-4659)
        fw.failoverTimer = null;
      }
    }
    m.offers.clear();
    for (Agent a : m.agents) {
      a.registered = false;
    }
    m.leader = newLeader;
    if (noLeaderFor.isZero()) {
      m.noLeader = false;
      reregisterAgents(reregisterDelay);
    } else {
      m.noLeader = true;
      m.timer.schedule(() -> {
        synchronized (m) {
          m.noLeader = false;
          reregisterAgents(reregisterDelay);
        }
      }, noLeaderFor.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void reregisterAgents(Duration delay) {
    for (Agent a : m.agents) {
      if (delay.isZero()) {
        reregister(a);
      } else {
        m.timer.schedule(() -> {
          synchronized (m) {
            reregister(a);
          }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void reregister(Agent a) {
    a.registered = true;
    if (!a.lost) {
      reportReregisteredTasks(a);
      a.resendUpdates();
    }
  }

  void noLeader() {
    m.noLeader = true;
  }
}
