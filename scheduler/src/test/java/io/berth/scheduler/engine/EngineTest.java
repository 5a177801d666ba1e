package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static io.berth.scheduler.engine.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Task;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.engine.FakeClusterDriver.Launched;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine launching instances and following their status, against a fake cluster. */
class EngineTest {

  private static final String WEB = "/team/web";

  private EngineHarness h;

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Nested
  class BeforeTheClusterConnects {

    @Test
    void nothingIsScheduledOrLaunchedEvenWithOffers() {
      h = new EngineHarness();
      h.start();
      h.create(anApp(WEB).withInstances(2));
      h.offerPlenty();

      assertThat(h.stored(WEB)).isEmpty();
      assertThat(h.driver.launches()).isEmpty();
    }

    @Test
    void connectingSchedulesTheAppsInstances() {
      h = new EngineHarness();
      h.start();
      h.create(anApp(WEB).withInstances(2));

      h.connect();

      assertThat(h.stored(WEB)).hasSize(2)
          .allSatisfy(i -> assertThat(i.state()).isEqualTo(InstanceState.SCHEDULED));
      assertThat(h.driver.launches()).isEmpty();
    }
  }

  @Nested
  class Launching {

    @Test
    void anOfferBigEnoughLaunchesEveryWaitingInstanceOfTheApp() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(2));
      var offer = anOffer().build();

      h.offer(offer);

      assertThat(h.driver.launches()).hasSize(2).allSatisfy(l -> {
        assertThat(l.offer()).isEqualTo(offer.id());
        assertThat(l.payload().app().id()).isEqualTo(WEB);
        assertThat(l.payload().agentId()).isEqualTo(OfferBuilder.AGENT);
        assertThat(l.payload().host()).isEqualTo(OfferBuilder.HOST);
      });
      assertThat(h.driver.launches()).extracting(l -> l.payload().taskId())
          .containsExactlyInAnyOrderElementsOf(h.storedIds(WEB));
    }

    @Test
    void payloadsCarryTheOffersHostPortsAppPortsFirstAndTheFluentdPortLast() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(2));

      h.offer(anOffer().withPorts(31000, 31003).build());

      List<Integer> used = new ArrayList<>();
      for (Launched l : h.driver.launches()) {
        TaskPayload p = l.payload();
        assertThat(p.hostPorts()).hasSize(1);
        assertThat(p.fluentdHostPort()).isNotZero();
        assertThat(p.helpers().fluentd()).isTrue();
        Instance stored = storedInstance(p.taskId());
        assertThat(stored.hostPorts()).containsExactly(p.hostPorts().get(0), p.fluentdHostPort());
        used.addAll(stored.hostPorts());
      }
      assertThat(used).containsExactlyInAnyOrder(31000, 31001, 31002, 31003);
    }

    @Test
    void anAppWithHelpersOffTakesNoPortForThem() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(2).withoutHelpers());

      h.offer(anOffer().withPorts(31000, 31001).build());

      assertThat(h.driver.launches()).hasSize(2).allSatisfy(l -> {
        assertThat(l.payload().fluentdHostPort()).isZero();
        assertThat(l.payload().helpers().fluentd()).isFalse();
        assertThat(l.payload().helpers().sensu()).isFalse();
      });
      assertThat(h.driver.launches()).flatExtracting(l -> l.payload().hostPorts())
          .containsExactlyInAnyOrder(31000, 31001);
    }

    @Test
    void eachLaunchIsStoredAsProvisionedBeforeTheDriverSeesIt() {
      h = EngineHarness.connected();
      Map<String, Optional<InstanceState>> storedAtLaunch = new ConcurrentHashMap<>();
      h.driver.whenLaunching(l -> storedAtLaunch.put(l.payload().taskId(),
          h.store.loadAll().stream().filter(i -> i.id().value().equals(l.payload().taskId()))
              .map(Instance::state).findFirst()));
      h.create(anApp(WEB).withInstances(2));

      h.offerPlenty();

      assertThat(storedAtLaunch).hasSize(2)
          .allSatisfy((id, state) -> assertThat(state).contains(InstanceState.PROVISIONED));
    }

    @Test
    void anInstanceIsLaunchedOnlyOnceWhateverOffersFollow() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(2));

      IntStream.range(0, 3).forEach(k -> h.offerPlenty());

      assertThat(h.driver.launches()).extracting(l -> l.payload().taskId()).doesNotHaveDuplicates().hasSize(2);
    }
  }

  @Nested
  class StatusUpdates {

    @Test
    void stagingThenRunningMovesTheCounts() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(2));
      h.offerPlenty();
      List<String> ids = h.storedIds(WEB);

      ids.forEach(id -> h.report(id, InstanceState.STAGING));
      assertThat(h.queries().counts(WEB)).isEqualTo(new TaskQueries.Counts(2, 0, 0, 0));

      h.report(ids.get(0), InstanceState.RUNNING);
      assertThat(h.queries().counts(WEB)).isEqualTo(new TaskQueries.Counts(1, 1, 0, 0));

      h.report(ids.get(1), InstanceState.RUNNING);
      assertThat(h.queries().counts(WEB)).isEqualTo(new TaskQueries.Counts(0, 2, 0, 0));
      assertThat(h.stored(WEB, InstanceState.RUNNING)).hasSize(2);
    }

    @Test
    void runningTasksShowAsMarathonTaskJson() {
      h = EngineHarness.connected();
      App app = h.create(anApp(WEB).withInstances(1));
      h.offer(anOffer().withPorts(31000, 31001).build());
      String id = h.storedIds(WEB).get(0);
      h.report(id, InstanceState.STAGING);
      h.report(id, InstanceState.RUNNING);

      List<Task> tasks = h.queries().tasks(WEB);

      assertThat(tasks).singleElement().satisfies(t -> {
        assertThat(t.id()).isEqualTo(id);
        assertThat(t.appId()).isEqualTo(WEB);
        assertThat(t.host()).isEqualTo(OfferBuilder.HOST);
        assertThat(t.ports()).singleElement().isIn(31000, 31001);
        assertThat(t.state()).isEqualTo("TASK_RUNNING");
        assertThat(t.agentId()).isEqualTo(OfferBuilder.AGENT).isEqualTo(t.slaveId());
        assertThat(t.version()).isEqualTo(app.version());
        assertThat(t.stagedAt()).isNotNull();
        assertThat(t.startedAt()).isNotNull();
      });
      assertThat(h.queries().allTasks()).containsExactlyElementsOf(tasks);
    }

    @Test
    void scheduledInstancesAreNotTasksYet() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(2));

      assertThat(h.queries().tasks(WEB)).isEmpty();
      assertThat(h.queries().counts(WEB)).isEqualTo(TaskQueries.Counts.NONE);
    }

    @Test
    void anUpdateWithAnAckIdIsAcknowledgedOnlyAfterItIsStored() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(1));
      h.offerPlenty();
      String id = h.storedIds(WEB).get(0);
      List<Optional<InstanceState>> storedAtAck = new ArrayList<>();
      h.driver.whenAcknowledging(ack -> storedAtAck.add(h.stored(WEB).stream()
          .filter(i -> i.id().value().equals(id)).map(Instance::state).findFirst()));

      h.report(id, InstanceState.RUNNING, "ack-1");

      assertThat(h.driver.acknowledged()).containsExactly("ack-1");
      assertThat(storedAtAck).containsExactly(Optional.of(InstanceState.RUNNING));
    }

    @Test
    void aDuplicateUpdateIsAcknowledgedAgainWithoutAWrite() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(1));
      h.offerPlenty();
      String id = h.storedIds(WEB).get(0);
      h.report(id, InstanceState.RUNNING, "ack-1");
      Instance before = h.stored(WEB).get(0);

      h.report(id, InstanceState.RUNNING, "ack-2");

      assertThat(h.driver.acknowledged()).containsExactly("ack-1", "ack-2");
      assertThat(h.stored(WEB)).containsExactly(before);
    }

    @Test
    void anUpdateWithoutAnAckIdIsNeverAcknowledged() {
      h = EngineHarness.connected();
      h.create(anApp(WEB).withInstances(1));
      h.offerPlenty();

      h.report(h.storedIds(WEB).get(0), InstanceState.RUNNING);

      assertThat(h.driver.acknowledged()).isEmpty();
    }

    @Test
    void aLiveUpdateForATaskTheStoreDoesNotKnowKillsItAndIsAcknowledged() {
      h = EngineHarness.connected();

      h.report("team_ghost.1234", InstanceState.RUNNING, "ack-ghost");

      assertThat(h.driver.killedIds()).containsExactly("team_ghost.1234");
      assertThat(h.driver.acknowledged()).containsExactly("ack-ghost");
    }
  }

  private Instance storedInstance(String taskId) {
    return h.store.loadAll().stream().filter(i -> i.id().value().equals(taskId)).findFirst().orElseThrow();
  }
}
