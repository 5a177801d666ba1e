package io.berth.scheduler.testing.mesos;

import com.google.protobuf.ByteString;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * An agent's status update manager: per task a queue of updates, only the front one forwarded to
 * the master, re-sent every {@code updateRetry} until the scheduler acknowledges its uuid, then
 * the next. Updates are held while the agent is unreachable. Runs under the master's lock.
 */
final class StatusUpdates {

  static final long MAX_RETRY_MS = TimeUnit.MINUTES.toMillis(10);

  private static final class Stream {
    final String frameworkId;
    final String taskId;
    final Deque<TaskStatus> pending = new ArrayDeque<>();
    final Set<ByteString> seen = new HashSet<>();
    ScheduledFuture<?> retry;
    /** The update whose retries {@link #wait} paces, and the wait before its next retry. */
    TaskStatus paced;
    long wait;

    Stream(String frameworkId, String taskId) {
      this.frameworkId = frameworkId;
      this.taskId = taskId;
    }
  }

  private final Agent agent;
  private final Map<String, Stream> streams = new HashMap<>();

  StatusUpdates(Agent agent) {
    this.agent = agent;
  }

  /** Queues an update; false for a duplicate (a uuid already seen for the task). */
  boolean add(String frameworkId, TaskStatus status) {
    String taskId = status.getTaskId().getValue();
    Stream s = streams.computeIfAbsent(MasterTask.key(frameworkId, taskId), k -> new Stream(frameworkId, taskId));
    if (!s.seen.add(status.getUuid())) {
      return false;
    }
    s.pending.addLast(status);
    if (s.pending.size() == 1) {
      forward(s);
    }
    return true;
  }

  private void forward(Stream s) {
    if (s.retry != null) {
      s.retry.cancel(false);
      s.retry = null;
    }
    TaskStatus front = s.pending.peekFirst();
    if (front == null) {
      return;
    }
    if (agent.reachable()) {
      agent.master.statusUpdate(agent, s.frameworkId, front);
    }
    // Mesos: STATUS_UPDATE_RETRY_INTERVAL_MIN, doubling for each retry of the same update, at most
    // STATUS_UPDATE_RETRY_INTERVAL_MAX (10 min).
    if (s.paced != front) {
      s.paced = front;
      s.wait = agent.master.settings.updateRetry().toMillis();
    } else {
      s.wait = Math.min(s.wait * 2, MAX_RETRY_MS);
    }
    long ms = s.wait;
    s.retry = agent.master.timer.schedule(() -> {
      synchronized (agent.master) {
        if (streams.get(MasterTask.key(s.frameworkId, s.taskId)) == s && s.pending.peekFirst() == front) {
          forward(s);
        }
      }
    }, ms, TimeUnit.MILLISECONDS);
  }

  /** The scheduler's ACKNOWLEDGE, relayed by the master. */
  void acknowledge(String frameworkId, String taskId, ByteString uuid) {
    Stream s = streams.get(MasterTask.key(frameworkId, taskId));
    TaskStatus front = s == null ? null : s.pending.peekFirst();
    if (front == null || !front.getUuid().equals(uuid)) {
      return; // a duplicate or unexpected acknowledgement: Mesos ignores it too
    }
    s.pending.removeFirst();
    if (s.retry != null) {
      s.retry.cancel(false);
      s.retry = null;
    }
    if (s.pending.isEmpty() && Statuses.terminalOnAgent(front.getState())) {
      streams.remove(MasterTask.key(frameworkId, taskId));
      agent.taskDone(frameworkId, taskId);
    } else {
      forward(s);
    }
  }

  /** The agent (re-)registered: send every front update now. */
  void forwardAll() {
    for (Stream s : streams.values().toArray(new Stream[0])) {
      forward(s);
    }
  }

  void dropFramework(String frameworkId) {
    streams.values().removeIf(s -> {
      if (!s.frameworkId.equals(frameworkId)) {
        return false;
      }
      if (s.retry != null) {
        s.retry.cancel(false);
      }
      return true;
    });
  }

  void cancelAll() {
    streams.values().forEach(s -> {
      if (s.retry != null) {
        s.retry.cancel(false);
      }
    });
  }
}
