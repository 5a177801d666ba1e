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
 * updates delivered at least once and in order per task until acknowledged (as Mesos does).
 */
final class SimulatedCluster {

  record Update(String taskId, InstanceState state, Boolean healthy, String ackId) {}

  private final Map<String, InstanceState> tasks = new LinkedHashMap<>();
  private final Set<String> launched = new HashSet<>();
  private final List<Update> pending = new ArrayList<>();
  private int updates;

  void launch(String taskId) {
    if (!launched.add(taskId)) {
      throw new AssertionError("task " + taskId + " launched twice");
    }
    set(taskId, InstanceState.STAGING, null);
  }

  void kill(String taskId) {
    if (isAlive(taskId)) {
      set(taskId, InstanceState.KILLED, null);
    }
  }

  /** The task does something by itself: starts, reports health, crashes or exits. */
  void actRandomly(Random random, boolean failuresAllowed) {
    List<String> alive = tasks.keySet().stream().filter(this::isAlive).toList();
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
