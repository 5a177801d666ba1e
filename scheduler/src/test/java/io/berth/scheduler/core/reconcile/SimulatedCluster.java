package io.berth.scheduler.core.reconcile;

import io.berth.scheduler.core.instances.InstanceState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A cluster for simulations: the truth about tasks, which survives scheduler crashes, and status
 * updates delivered at least once and in order per task until acknowledged (as Mesos does), and
 * partitions: a task behind one keeps running, unseen and unkillable, until its agent comes back.
 */
final class SimulatedCluster {

  record Update(String taskId, InstanceState state, Boolean healthy, String ackId) {}

  private final Map<String, InstanceState> tasks = new LinkedHashMap<>();
  private final Set<String> launched = new HashSet<>();
  private final List<Update> pending = new ArrayList<>();
  private final Set<String> partitioned = new HashSet<>();
  private final Set<String> everPartitioned = new HashSet<>();
  private int updates;

  void launch(String taskId) {
    if (!launched.add(taskId)) {
      throw new AssertionError("task " + taskId + " launched twice");
    }
    set(taskId, InstanceState.STAGING, null);
  }

  /** Kills reach tasks on reachable agents only. */
  void kill(String taskId) {
    if (isAlive(taskId) && !partitioned.contains(taskId)) {
      set(taskId, InstanceState.KILLED, null);
    }
  }

  /** A running task's agent is cut off: the task goes on, the master reports it unreachable. */
  void partitionRandomTask(Random random) {
    List<String> running = tasks.keySet().stream()
        .filter(id -> tasks.get(id) == InstanceState.RUNNING && !partitioned.contains(id)).toList();
    if (!running.isEmpty()) {
      String id = running.get(random.nextInt(running.size()));
      partitioned.add(id);
      everPartitioned.add(id);
      set(id, InstanceState.UNREACHABLE, null);
    }
  }

  /** Agents come back: their tasks report RUNNING again. */
  void heal(Random random, boolean all) {
    for (String id : List.copyOf(partitioned)) {
      if (all || random.nextBoolean()) {
        partitioned.remove(id);
        set(id, InstanceState.RUNNING, null);
      }
    }
  }

  /** True for tasks that were once behind a partition (they may have been forgotten meanwhile). */
  boolean wasPartitioned(String taskId) {
    return everPartitioned.contains(taskId);
  }

  /** True for tasks the scheduler can see: alive and not behind a partition. */
  boolean isReachable(String taskId) {
    return isAlive(taskId) && !partitioned.contains(taskId);
  }

  /** The task does something by itself: starts, reports health, crashes or exits. */
  void actRandomly(Random random, boolean failuresAllowed) {
    List<String> alive = tasks.keySet().stream().filter(this::isReachable).toList();
    if (alive.isEmpty()) {
      return;
    }
    String id = alive.get(random.nextInt(alive.size()));
    if (tasks.get(id) != InstanceState.RUNNING) {
      set(id, InstanceState.RUNNING, null);
    } else if (failuresAllowed && random.nextInt(3) == 0) {
      set(id, random.nextBoolean() ? InstanceState.FAILED : InstanceState.FINISHED, null);
    } else {
      set(id, InstanceState.RUNNING, random.nextBoolean());
    }
  }

  /** Every reachable task that has not reached RUNNING yet does now. */
  void startAll() {
    tasks.keySet().stream().filter(id -> isReachable(id) && tasks.get(id) != InstanceState.RUNNING).toList()
        .forEach(id -> set(id, InstanceState.RUNNING, null));
  }

  /** The oldest unacknowledged update of a random task; it stays pending until acknowledged. */
  Optional<Update> nextUpdate(Random random) {
    List<String> withUpdates = pending.stream().map(Update::taskId).distinct().toList();
    if (withUpdates.isEmpty()) {
      return Optional.empty();
    }
    String id = withUpdates.get(random.nextInt(withUpdates.size()));
    return pending.stream().filter(u -> u.taskId().equals(id)).findFirst();
  }

  void acknowledge(String ackId) {
    pending.removeIf(u -> u.ackId().equals(ackId));
  }

  boolean hasPendingUpdates() {
    return !pending.isEmpty();
  }

  boolean isAlive(String taskId) {
    InstanceState state = tasks.get(taskId);
    return state != null && !state.isTerminal();
  }

  boolean knows(String taskId) {
    return tasks.containsKey(taskId);
  }

  List<String> aliveTasks() {
    return tasks.keySet().stream().filter(this::isAlive).toList();
  }

  /** What a listing of the cluster shows: every task with its current state. */
  List<ObservedTask> observed() {
    return tasks.entrySet().stream()
        .map(e -> ObservedTask.of(e.getKey(), "agent-1", e.getValue())).toList();
  }

  private void set(String taskId, InstanceState state, Boolean healthy) {
    tasks.put(taskId, state);
    pending.add(new Update(taskId, state, healthy, "ack-" + ++updates));
  }
}
