package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.deployments.ReplacementTarget;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import io.berth.scheduler.engine.FakeClusterDriver.Call;
import io.berth.scheduler.engine.FakeClusterDriver.Killed;
import io.berth.scheduler.engine.FakeClusterDriver.Launched;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random runs of scaling, restarts, offers, task starts, failures and duplicate updates against a
 * cluster that does what it is told. Checked all along: no task id is launched twice, a launch is
 * stored as PROVISIONED before it is sent, an update is stored before it is acknowledged. Checked
 * when things settle: the app runs exactly its instances, all of its current configuration, and the
 * store and the cluster agree.
 */
@Timeout(120)
class EngineSimulationTest {

  private static final String WEB = "/team/web";

  @Test
  void randomRunsKeepTheEnginesPromises() throws Exception {
    Long only = Long.getLong("berth.engine.seed"); // replays one run: -Dberth.engine.seed=7
    for (long seed = only == null ? 1 : only; seed <= (only == null ? 40 : only); seed++) {
      new Run(seed).play(150);
    }
  }

  private static final class Run {
    private final long seed;
    private final Random random;
    private final EngineHarness h = EngineHarness.connected();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> launched = new HashSet<>();
    /** Tasks the cluster runs, by id: their state; and the ids asked to be killed. */
    private final Map<String, InstanceState> cluster = new LinkedHashMap<>();
    private final Set<String> killAsked = new HashSet<>();
    /** Updates the engine has not acknowledged yet, which the cluster sends again. */
    private final Map<String, TaskStatus> unacknowledged = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private int seen;
    private boolean settling;
    private int acks;
    private TaskStatus last;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      h.driver.whenLaunching(this::checkLaunch);
      h.driver.whenAcknowledging(this::checkAck);
    }

    void play(int steps) throws Exception {
      h.create(anApp(WEB).withInstances(2).withBackoffSeconds(5));
      for (int k = 0; k < steps; k++) {
        step();
        follow();
      }
      settle();
      String context = "seed " + seed;
      assertThat(violations).as(context).isEmpty();
      int wanted = h.app(WEB).instances();
      String config = ReplacementTarget.of(h.app(WEB)).configVersion();
      assertThat(h.stored(WEB)).as(context).hasSize(wanted).allSatisfy(i -> {
        assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(i.appVersion()).isGreaterThanOrEqualTo(config);
      });
      assertThat(cluster.keySet()).as(context).containsExactlyInAnyOrderElementsOf(h.storedIds(WEB));
      h.close();
    }

    private void step() throws InterruptedException {
      int dice = random.nextInt(100);
      if (dice < 25) {
        h.offerPlenty();
      } else if (dice < 60) {
        advanceATask();
      } else if (dice < 68) {
        h.scale(WEB, random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(4));
      } else if (dice < 72) {
        h.restart(WEB);
      } else if (dice < 82) {
        h.clock.advance(Duration.ofSeconds(random.nextInt(30)));
      } else if (dice < 86 && last != null) {
        send(last); // at-least-once delivery
      } else if (dice < 90) {
        h.store.failWrite(1 + random.nextInt(3), InstanceState.values()[random.nextInt(7)]);
      } else if (dice < 93) {
        restartScheduler();
      } else {
        failATask();
      }
    }

    /** The scheduler restarts; the cluster reports what it runs, and resends unacknowledged updates. */
    private void restartScheduler() throws InterruptedException {
      h.restartScheduler();
      h.connect(cluster.entrySet().stream().map(e -> ObservedTask.of(e.getKey(), OfferBuilder.AGENT,
          e.getValue() == null ? InstanceState.STAGING : e.getValue())).toArray(ObservedTask[]::new));
      resendUnacknowledged();
    }

    private void resendUnacknowledged() {
      new ArrayList<>(unacknowledged.values()).forEach(this::send);
    }

    private void advanceATask() {
      List<String> ids = new ArrayList<>(cluster.keySet());
      if (ids.isEmpty()) {
        return;
      }
      String id = ids.get(random.nextInt(ids.size()));
      if (killAsked.contains(id)) {
        end(id, InstanceState.KILLED);
      } else if (cluster.get(id) == InstanceState.STAGING) {
        report(id, InstanceState.RUNNING);
      } else if (cluster.get(id) == null) {
        report(id, InstanceState.STAGING);
      }
    }

    private void failATask() {
      List<String> ids = new ArrayList<>(cluster.keySet());
      if (!ids.isEmpty()) {
        end(ids.get(random.nextInt(ids.size())), InstanceState.FAILED);
      }
    }

    /** Settles: offers, time past any delay, every task started, every kill done, until quiet. */
    private void settle() {
      h.store.stopFailing();
      settling = true;
      for (int round = 0; round < 12; round++) {
        resendUnacknowledged();
        follow();
        h.clock.advance(Duration.ofSeconds(301));
        h.fullPass(WEB); // as the periodic tick: it recovers from failed writes
        h.offerPlenty();
        follow();
        for (String id : new ArrayList<>(cluster.keySet())) {
          if (killAsked.contains(id)) {
            end(id, InstanceState.KILLED);
          } else if (cluster.get(id) != InstanceState.RUNNING) {
            report(id, InstanceState.RUNNING);
          }
          follow();
        }
      }
    }

    /** What the engine asked of the cluster since last time. */
    private void follow() {
      List<Call> calls = h.driver.calls();
      List<String> unknown = new ArrayList<>();
      for (Call c : calls.subList(seen, calls.size())) {
        if (c instanceof Launched l && (settling || random.nextInt(20) > 0)) { // a few launches get lost
          cluster.put(l.payload().taskId(), null);
        } else if (c instanceof Killed k) {
          if (cluster.containsKey(k.taskId())) {
            killAsked.add(k.taskId());
          } else {
            unknown.add(k.taskId());
          }
        }
      }
      seen = calls.size();
      // The master answers a kill of a task it does not know with LOST, without an ack.
      unknown.forEach(id -> send(new TaskStatus(id, OfferBuilder.AGENT, InstanceState.LOST, null, null, null, false)));
    }

    private void report(String id, InstanceState state) {
      cluster.put(id, state);
      send(new TaskStatus(id, OfferBuilder.AGENT, state, null, null, id + "|" + state + "|" + ++acks, false));
    }

    private void end(String id, InstanceState state) {
      cluster.remove(id);
      killAsked.remove(id);
      send(new TaskStatus(id, OfferBuilder.AGENT, state, null, null, id + "|" + state + "|" + ++acks, false));
    }

    private void send(TaskStatus status) {
      last = status;
      if (status.ackId() != null) {
        unacknowledged.put(status.ackId(), status);
      }
      h.driver.status(status);
      h.drain();
    }

    private void checkLaunch(Launched l) {
      String id = l.payload().taskId();
      if (!launched.add(id)) {
        violations.add("launched twice: " + id);
      }
      InstanceState stored = storedState(id);
      if (stored != InstanceState.PROVISIONED) {
        violations.add("launched " + id + " while stored as " + stored);
      }
    }

    private void checkAck(String ackId) {
      unacknowledged.remove(ackId);
      String[] parts = ackId.split("\\|");
      InstanceState reported = InstanceState.valueOf(parts[1]);
      InstanceState stored = storedState(parts[0]);
      boolean ok = reported.isTerminal() ? stored == null
          : stored == null || stored == reported || stored == InstanceState.KILLING
              || stored.ordinal() > reported.ordinal();
      if (!ok) {
        violations.add("acknowledged " + ackId + " while stored as " + stored);
      }
    }

    private InstanceState storedState(String id) {
      return h.store.loadAll().stream().filter(i -> i.id().value().equals(id)).map(Instance::state)
          .findFirst().orElse(null);
    }
  }
}
