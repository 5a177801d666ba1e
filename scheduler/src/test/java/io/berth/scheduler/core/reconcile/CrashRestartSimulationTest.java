package io.berth.scheduler.core.reconcile;

import static io.berth.scheduler.core.reconcile.DesiredAppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole core against a simulated cluster, with the scheduler crashing between any two effects
 * and restarting, and agents partitioned away and back (seeded, so a failure names its seed).
 * Checked throughout: no task id is launched twice, only stored instances are launched, and every
 * live task is a stored, non-terminal instance (except one that was behind a partition: it may have
 * been given up and forgotten, as Marathon does, and is killed when it comes back).
 * Checked after each restart: the store believes in no task the cluster never had. Checked at the
 * end of a quiet phase: the app runs exactly its instance count, store and cluster agree.
 */
class CrashRestartSimulationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, Integer> seen = new HashMap<>();

  @Test
  void crashesNeverLoseOrDoubleLaunchATask() {
    for (long seed = 0; seed < 300; seed++) {
      simulate(seed);
    }
    assertThat(seen).as("the simulation reaches every path").containsKeys("Crash", "Launch", "Kill",
        "Reschedule", "ResetBackoff", "Adopt", "MarkLost", "KillOrphan", "ExpireUnreachable", "Expunge");
  }

  private void simulate(long seed) {
    Random random = new Random(seed);
    Map<InstanceId, Instance> store = new HashMap<>();
    SimulatedCluster cluster = new SimulatedCluster();
    SimulatedEngine engine = new SimulatedEngine(store, cluster, random, seen);
    DesiredApp app = seed % 2 == 0
        ? anApp("/team/web").withInstances(3).build()
        : anApp("/team/web").withInstances(3).unreachableInactiveAfter(10, 30).build();
    Instant now = T0;
    for (int step = 0; step < 150; step++) {
      now = now.plusSeconds(random.nextInt(4));
      if (random.nextInt(20) == 0) {
        app = app.withInstances(random.nextInt(5));
      }
      if (random.nextInt(6) == 0) {
        engine.crashAfter(random.nextInt(4));
      }
      try {
        act(random.nextInt(6), engine, cluster, app, random, now, true);
      } catch (SimulatedEngine.Crash crash) {
        assertEveryLiveTaskIsTracked(seed, store, cluster);
        engine = SimulatedEngine.restart(store, cluster, random, seen, now);
        assertNothingBelievedThatNeverRan(seed, store, cluster);
      }
      assertEveryLiveTaskIsTracked(seed, store, cluster);
    }
    engine.crashAfter(-1);
    cluster.heal(random, true);
    for (int round = 0; round < 100; round++) {
      now = now.plusSeconds(5);
      settle(engine, cluster, app, random, now);
    }
    assertConverged(seed, app, store, cluster);
  }

  private static void act(int action, SimulatedEngine engine, SimulatedCluster cluster, DesiredApp app,
                          Random random, Instant now, boolean failuresAllowed) {
    switch (action) {
      case 0 -> engine.reconcile(app, now);
      case 1 -> engine.offer(now);
      case 2 -> engine.deliverUpdate(random, now);
      case 3 -> cluster.actRandomly(random, failuresAllowed);
      case 4 -> cluster.partitionRandomTask(random);
      default -> cluster.heal(random, false);
    }
  }

  /** A calm round: every update delivered, a reconciler pass, offers for all, every task started. */
  private static void settle(SimulatedEngine engine, SimulatedCluster cluster, DesiredApp app, Random random,
                             Instant now) {
    while (cluster.hasPendingUpdates()) {
      engine.deliverUpdate(random, now);
    }
    engine.reconcile(app, now);
    for (int offer = 0; offer < 5; offer++) {
      engine.offer(now);
    }
    cluster.startAll();
    while (cluster.hasPendingUpdates()) {
      engine.deliverUpdate(random, now);
    }
  }

  private static void assertEveryLiveTaskIsTracked(long seed, Map<InstanceId, Instance> store,
                                                   SimulatedCluster cluster) {
    for (String task : cluster.aliveTasks().stream().filter(t -> !cluster.wasPartitioned(t)).toList()) {
      Instance instance = store.get(new InstanceId(task));
      assertThat(instance).as("seed %d: live task %s is not stored", seed, task).isNotNull();
      assertThat(instance.isTerminal()).as("seed %d: live task %s stored as ended", seed, task).isFalse();
    }
  }

  private static void assertNothingBelievedThatNeverRan(long seed, Map<InstanceId, Instance> store,
                                                        SimulatedCluster cluster) {
    for (Instance instance : store.values()) {
      if (instance.state().mayHaveContainer()) {
        assertThat(cluster.knows(instance.id().value()))
            .as("seed %d: after restart %s is %s but the cluster never had it", seed, instance.id(),
                instance.state()).isTrue();
      }
    }
  }

  private static void assertConverged(long seed, DesiredApp app, Map<InstanceId, Instance> store,
                                      SimulatedCluster cluster) {
    Set<String> storedLive = store.values().stream().filter(i -> !i.isTerminal())
        .map(i -> i.id().value()).collect(Collectors.toSet());
    assertThat(Set.copyOf(cluster.aliveTasks())).as("seed %d: store and cluster agree", seed)
        .isEqualTo(storedLive);
    List<Instance> running = store.values().stream()
        .filter(i -> i.state() == InstanceState.RUNNING && i.isActive()).toList();
    assertThat(running).as("seed %d: running instances; store: %s", seed, store.values())
        .hasSize(app.instances());
  }
}
