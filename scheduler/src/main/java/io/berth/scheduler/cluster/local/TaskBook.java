package io.berth.scheduler.cluster.local;

import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks of the local cluster: the live ones (with what they use) and the last states of the
 * most recently ended ones (for reconciliation answers and repeated kills). Not thread-safe: the
 * driver holds its lock.
 */
final class TaskBook {

  static final int ENDED_KEPT = 1000;

  /** How a task ended (or, from {@link #lastKnown}, where it is now). */
  record Ended(InstanceState state, String message, Boolean healthy) {}

  private final Map<String, LocalTask> live = new LinkedHashMap<>();
  private final Map<String, Ended> ended = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Ended> eldest) {
      return size() > ENDED_KEPT;
    }
  };

  Optional<LocalTask> live(String taskId) {
    return Optional.ofNullable(live.get(taskId));
  }

  Optional<Ended> ended(String taskId) {
    return Optional.ofNullable(ended.get(taskId));
  }

  /** What this cluster can say of a task now: its live state, its end, or LOST when it never had it. */
  Ended lastKnown(String taskId) {
    LocalTask t = live.get(taskId);
    if (t != null) {
      return new Ended(t.state(), t.message(), t.healthy());
    }
    return ended(taskId).orElse(new Ended(InstanceState.LOST, "unknown to the local cluster", null));
  }

  List<LocalTask> allLive() {
    return List.copyOf(live.values());
  }

  void put(LocalTask task) {
    ended.remove(task.taskId());
    live.put(task.taskId(), task);
  }

  /** Records the end of a task (live or not); it no longer uses anything. */
  void end(String taskId, InstanceState state, String message, Boolean healthy) {
    live.remove(taskId);
    ended.put(taskId, new Ended(state, message, healthy));
  }

  /** Whether some pod found at start is neither adopted nor ended yet. */
  boolean awaitingAdoption() {
    return live.values().stream().anyMatch(t -> !t.accounted());
  }

  /** The scalars the live tasks use, summed in Mesos' fixed point (thousandths). */
  Resources used() {
    long cpus = 0;
    long mem = 0;
    long disk = 0;
    for (LocalTask t : live.values()) {
      cpus += Resources.thousandths(t.usage().resources().cpus());
      mem += Resources.thousandths(t.usage().resources().memMb());
      disk += Resources.thousandths(t.usage().resources().diskMb());
    }
    return new Resources(cpus / 1000.0, mem / 1000.0, disk / 1000.0, 0);
  }

  Set<Integer> usedPorts() {
    Set<Integer> ports = new TreeSet<>();
    live.values().forEach(t -> ports.addAll(t.usage().ports()));
    return ports;
  }

  /** {@code total - used}, never below zero (adopted tasks may overcommit a smaller machine). */
  Resources free(Resources total) {
    Resources used = used();
    return new Resources(minus(total.cpus(), used.cpus()), minus(total.memMb(), used.memMb()),
        minus(total.diskMb(), used.diskMb()), 0);
  }

  static double minus(double a, double b) {
    return Math.max(0, (Resources.thousandths(a) - Resources.thousandths(b)) / 1000.0);
  }

  void clear() {
    live.clear();
  }
}
