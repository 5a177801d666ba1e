package io.berth.executor.mesos;

import com.google.protobuf.ByteString;
import io.berth.executor.mesos.ExecutorAction.Exit;
import io.berth.executor.mesos.ExecutorAction.KillPod;
import io.berth.executor.mesos.ExecutorAction.LaunchPod;
import io.berth.executor.mesos.ExecutorAction.ReapOrphans;
import io.berth.executor.mesos.ExecutorAction.Resubscribe;
import io.berth.executor.mesos.ExecutorAction.SendUpdate;
import io.berth.executor.mesos.ExecutorAction.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * The executor's side of the Mesos executor protocol, without I/O or clocks: the tasks it was
 * given, their latest states, and the updates the agent has not ACKNOWLEDGED yet (in the order
 * they were made, keyed by uuid). Every method takes the event and returns what to do. Not
 * thread-safe: one thread drives it.
 *
 * <p>The first SUBSCRIBED asks for orphaned pods to be reaped ({@link ReapOrphans}); tasks LAUNCHed
 * before that is done are held, and start when {@link #onOrphansReaped} says so.
 */
final class ExecutorState {

  /** Kills during SHUTDOWN get this share of the shutdown grace period: a pod stops up to three containers. */
  static final int SHUTDOWN_GRACE_DIVISOR = 4;

  private final String executorId;
  private final boolean checkpoint;
  private final Duration recoveryTimeout;
  private final Duration shutdownGracePeriod;
  private final Duration updateRetryInterval;

  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<ByteString, Pending> unacknowledged = new LinkedHashMap<>();
  private boolean connected;
  private boolean everSubscribed;
  private boolean orphansReaped;
  /** Tasks LAUNCHed before the orphans were reaped, in order. */
  private final List<TaskInfo> held = new ArrayList<>();
  private Instant reconnectDeadline;
  private Instant shutdownDeadline;
  private boolean exited;

  ExecutorState(String executorId, boolean checkpoint, Duration recoveryTimeout, Duration shutdownGracePeriod,
      Duration updateRetryInterval) {
    this.executorId = Objects.requireNonNull(executorId, "executorId");
    this.checkpoint = checkpoint;
    this.recoveryTimeout = Objects.requireNonNull(recoveryTimeout, "recoveryTimeout");
    this.shutdownGracePeriod = Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    this.updateRetryInterval = Objects.requireNonNull(updateRetryInterval, "updateRetryInterval");
  }

  /** A SUBSCRIBE is about to go out: it carries every task and update the agent has not acknowledged. */
  Subscription subscribe(Instant now) {
    List<TaskInfo> unackedTasks = tasks.values().stream().filter(t -> !t.acknowledged).map(t -> t.info).toList();
    List<TaskStatus> updates = new ArrayList<>();
    for (Pending p : unacknowledged.values()) {
      p.lastSent = now;
      updates.add(p.status);
    }
    return new Subscription(unackedTasks, updates);
  }

  /** SUBSCRIBED: the first one asks for the orphans of dead executors to be reaped. */
  List<ExecutorAction> onSubscribed() {
    connected = true;
    reconnectDeadline = null;
    if (everSubscribed) {
      return List.of();
    }
    everSubscribed = true;
    return List.of(new ReapOrphans());
  }

  /** The first reap is over (whether it worked or not): held tasks that were not killed meanwhile start. */
  List<ExecutorAction> onOrphansReaped() {
    if (orphansReaped) {
      return List.of();
    }
    orphansReaped = true;
    List<ExecutorAction> launches = held.stream().<ExecutorAction>map(LaunchPod::new).toList();
    held.clear();
    return launches;
  }

  /**
   * The subscription stream ended or never started. Without checkpointing, a stream that once
   * worked is not retried (the agent will not wait for us); otherwise retry until the recovery
   * timeout.
   */
  List<ExecutorAction> onConnectionLost(Instant now) {
    connected = false;
    if (exited) {
      return List.of();
    }
    if (shutdownDeadline != null && allDone()) {
      return exit(0, "shut down");
    }
    if (everSubscribed && !checkpoint) {
      return exit(1, "lost the agent and the framework does not checkpoint");
    }
    if (reconnectDeadline == null) {
      reconnectDeadline = now.plus(recoveryTimeout);
    }
    if (!now.isBefore(reconnectDeadline)) {
      return exit(1, "could not reach the agent within the recovery timeout of " + recoveryTimeout);
    }
    return List.of(new Resubscribe());
  }

  List<ExecutorAction> onLaunch(TaskInfo task) {
    String id = task.getTaskId().getValue();
    if (tasks.containsKey(id)) {
      return List.of();
    }
    tasks.put(id, new Task(task));
    if (!orphansReaped) {
      held.add(task);
      return List.of();
    }
    return List.of(new LaunchPod(task));
  }

  /** A KILL: the event's kill policy wins over the task's; null grace means the pod's own. */
  List<ExecutorAction> onKill(String taskId, KillPolicy eventPolicy) {
    Task task = tasks.get(taskId);
    if (task != null && task.terminal()) {
      return List.of();
    }
    // A held task is never launched; the kill still reports it KILLED.
    held.removeIf(t -> t.getTaskId().getValue().equals(taskId));
    Duration grace = grace(eventPolicy);
    if (grace == null && task != null && task.info.hasKillPolicy()) {
      grace = grace(task.info.getKillPolicy());
    }
    return List.of(new KillPod(taskId, grace));
  }

  /** SHUTDOWN: kill every live task within a share of the grace period, exit when all is reported. */
  List<ExecutorAction> onShutdown(Instant now) {
    if (shutdownDeadline == null) {
      shutdownDeadline = now.plus(shutdownGracePeriod);
    }
    Duration share = shutdownGracePeriod.dividedBy(SHUTDOWN_GRACE_DIVISOR);
    held.clear();
    List<ExecutorAction> actions = new ArrayList<>();
    for (Task t : tasks.values()) {
      if (!t.terminal()) {
        Duration own = t.info.hasKillPolicy() ? grace(t.info.getKillPolicy()) : null;
        actions.add(new KillPod(t.info.getTaskId().getValue(), own == null || own.compareTo(share) > 0 ? share : own));
      }
    }
    if (allDone()) {
      actions.addAll(exit(0, "shut down"));
    }
    return actions;
  }

  /** A pod reported: record the status as an unacknowledged update and send it if connected. */
  List<ExecutorAction> onPodStatus(String taskId, TaskState state, String message, Boolean healthy,
      ByteString uuid, Instant now) {
    if (uuid.size() != 16) {
      throw new IllegalArgumentException("an update uuid has 16 bytes, not " + uuid.size());
    }
    Task task = tasks.get(taskId);
    if (task != null && task.terminal()) {
      // A task gets one terminal update. A pod that still starts after its kill (the kill raced
      // the launch) is killed again; a second terminal status is dropped.
      return Task.isTerminal(state) ? List.of() : List.of(new KillPod(taskId, shutdownDeadline == null ? null
          : shutdownGracePeriod.dividedBy(SHUTDOWN_GRACE_DIVISOR)));
    }
    TaskStatus.Builder status = TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(taskId))
        .setState(state)
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR)
        .setExecutorId(ExecutorID.newBuilder().setValue(executorId))
        .setTimestamp(now.toEpochMilli() / 1000.0)
        .setUuid(uuid);
    if (message != null) {
      status.setMessage(message);
    }
    if (healthy != null && state == TaskState.TASK_RUNNING) {
      status.setHealthy(healthy).setReason(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED);
    }
    if (task != null) {
      task.latest = state;
    }
    Pending pending = new Pending(status.build());
    unacknowledged.put(uuid, pending);
    if (!connected) {
      return List.of();
    }
    pending.lastSent = now;
    return List.of(new SendUpdate(pending.status));
  }

  List<ExecutorAction> onAcknowledged(String taskId, ByteString uuid) {
    Pending acked = unacknowledged.remove(uuid);
    Task task = tasks.get(taskId);
    if (acked != null && task != null) {
      task.acknowledged = true;
    }
    if (shutdownDeadline != null && allDone()) {
      return exit(0, "shut down");
    }
    if (!tasks.isEmpty() && allDone()) {
      // Berth gives each executor one task: once it has ended and the agent has its last update,
      // the executor has nothing left to do (like Mesos' own command executor, it exits).
      return exit(0, "every task it ran has ended");
    }
    return List.of();
  }

  /** Time passes: resend updates unacknowledged for the retry interval; end an overdue shutdown. */
  List<ExecutorAction> tick(Instant now) {
    if (exited) {
      return List.of();
    }
    if (shutdownDeadline != null && !now.isBefore(shutdownDeadline)) {
      return exit(0, "the shutdown grace period of " + shutdownGracePeriod + " is over");
    }
    if (!connected) {
      return List.of();
    }
    List<ExecutorAction> actions = new ArrayList<>();
    for (Pending p : unacknowledged.values()) {
      if (!now.isBefore(p.lastSent.plus(updateRetryInterval))) {
        p.lastSent = now;
        actions.add(new SendUpdate(p.status));
      }
    }
    return actions;
  }

  List<TaskStatus> unacknowledgedUpdates() {
    return unacknowledged.values().stream().map(p -> p.status).toList();
  }

  boolean connected() {
    return connected;
  }

  boolean shuttingDown() {
    return shutdownDeadline != null;
  }

  private boolean allDone() {
    return unacknowledged.isEmpty() && tasks.values().stream().allMatch(Task::terminal);
  }

  private List<ExecutorAction> exit(int code, String reason) {
    if (exited) {
      return List.of();
    }
    exited = true;
    return List.of(new Exit(code, reason));
  }

  private static Duration grace(KillPolicy policy) {
    return policy != null && policy.hasGracePeriod() ? Duration.ofNanos(policy.getGracePeriod().getNanoseconds()) : null;
  }

  private static final class Task {
    final TaskInfo info;
    TaskState latest;
    boolean acknowledged;

    Task(TaskInfo info) {
      this.info = info;
    }

    boolean terminal() {
      return latest != null && isTerminal(latest);
    }

    static boolean isTerminal(TaskState state) {
      return switch (state) {
        case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE -> true;
        default -> false;
      };
    }
  }

  private static final class Pending {
    final TaskStatus status;
    Instant lastSent = Instant.MIN;

    Pending(TaskStatus status) {
      this.status = status;
    }
  }
}
