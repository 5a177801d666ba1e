package io.berth.scheduler.cluster.mesos;

import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation Mesos asks for after every (re)subscription, as a pure value: the tasks the
 * scheduler knows, the answers so far, which tasks to ask about again, and when to give up
 * waiting. What it ends with is what the engine's start-up reconciliation gets: every answered task
 * in its reported state, every task the master mentioned that Berth does not know (to be killed),
 * and the known tasks still unanswered as <em>unconfirmed</em>: their agents have not re-registered
 * with a new master yet (Mesos answers nothing then, for up to its agent re-registration timeout of
 * 10 minutes). They keep their state, and Berth keeps asking about them until Mesos answers — an
 * agent that never comes back is reported TASK_UNREACHABLE by Mesos itself, and then the app's
 * unreachable strategy decides.
 */
final class ReconcileRound {

  static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final Map<String, TaskRef> known = new LinkedHashMap<>();
  private final Map<String, TaskStatus> answers = new LinkedHashMap<>();
  private final Instant deadline;
  private Duration retry = FIRST_RETRY;
  private Instant nextAsk;

  ReconcileRound(List<TaskRef> knownTasks, Instant now, Duration wait) {
    knownTasks.forEach(t -> known.put(t.taskId(), t));
    this.deadline = now.plus(wait);
    this.nextAsk = now.plus(retry);
  }

  /** Any update that arrived after the round started tells the task's state. */
  void answer(TaskStatus status) {
    answers.put(status.taskId(), status);
  }

  List<TaskRef> remaining() {
    return known.values().stream().filter(t -> !answers.containsKey(t.taskId())).toList();
  }

  boolean isComplete(Instant now) {
    return remaining().isEmpty() || !now.isBefore(deadline);
  }

  /** The tasks to ask about again now (truncated exponential back-off), else empty. */
  List<TaskRef> askAgain(Instant now) {
    if (now.isBefore(nextAsk) || isComplete(now)) {
      return List.of();
    }
    retry = retry.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : retry.multipliedBy(2);
    nextAsk = now.plus(retry);
    return remaining();
  }

  List<ObservedTask> observed() {
    List<ObservedTask> out = new ArrayList<>();
    for (TaskStatus s : answers.values()) {
      out.add(new ObservedTask(s.taskId(), s.agentId(), s.state(), s.healthy(), s.message()));
    }
    return out;
  }

  /** The known tasks Mesos has said nothing about. */
  java.util.Set<String> unconfirmed() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    remaining().forEach(t -> out.add(t.taskId()));
    return out;
  }
}
