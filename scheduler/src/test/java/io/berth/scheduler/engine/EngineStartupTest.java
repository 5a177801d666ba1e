package io.berth.scheduler.engine;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import io.berth.scheduler.engine.FakeClusterDriver.Adopted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A (re)started engine meeting what the store remembers and what the cluster reports: adopt what
 * both know, replace (never relaunch) what only the store knows, kill what only the cluster runs.
 */
class EngineStartupTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = new EngineHarness();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Nested
  class ATaskBothKnow {

    @Test
    void isAdoptedWithItsPayloadAndNeitherLaunchedNorKilled() {
      App app = h.given(anApp(WEB).withInstances(1));
      Instance running = h.given(instanceOf(app).running().on(OfferBuilder.AGENT).build());
      h.start();

      h.connect(ObservedTask.of(running.id().value(), OfferBuilder.AGENT, InstanceState.RUNNING));
      h.offerPlenty();

      assertThat(h.driver.calls(Adopted.class)).singleElement().satisfies(a -> {
        assertThat(a.payload().taskId()).isEqualTo(running.id().value());
        assertThat(a.payload().app().id()).isEqualTo(WEB);
        assertThat(a.payload().agentId()).isEqualTo(OfferBuilder.AGENT);
        assertThat(a.payload().hostPorts()).containsExactly(running.hostPorts().get(0));
      });
      assertThat(h.driver.launches()).isEmpty();
      assertThat(h.driver.kills()).isEmpty();
      assertThat(h.stored(WEB)).containsExactly(running);
    }

    @Test
    void isAdoptedWithTheDefinitionThatStartedItAndThenReplacedByTheNewOne() {
      App v1 = h.given(anApp(WEB).withInstances(1));
      Instance running = h.given(instanceOf(v1).running().on(OfferBuilder.AGENT).build());
      App v2 = h.apps.update(v1.toBuilder().cmd("sleep 2000").build()).orElseThrow().after();
      h.start();

      h.connect(ObservedTask.of(running.id().value(), OfferBuilder.AGENT, InstanceState.RUNNING));

      assertThat(h.driver.calls(Adopted.class)).singleElement().satisfies(a -> {
        assertThat(a.payload().app().version()).isEqualTo(v1.version());
        assertThat(a.payload().app().cmd()).isEqualTo("sleep 1000");
      });
      h.offerPlenty();
      assertThat(h.driver.launches()).singleElement().satisfies(l -> {
        assertThat(l.payload().app().version()).isEqualTo(v2.version());
        assertThat(l.payload().app().cmd()).isEqualTo("sleep 2000");
      });
      assertThat(h.driver.kills()).isEmpty();
    }

    @Test
    void launchedJustBeforeTheStopIsAdoptedInTheStateTheClusterReports() {
      App app = h.given(anApp(WEB).withInstances(1));
      Instance provisioned = h.given(instanceOf(app).provisioned().on(OfferBuilder.AGENT).build());
      h.start();

      h.connect(ObservedTask.of(provisioned.id().value(), OfferBuilder.AGENT, InstanceState.RUNNING));

      assertThat(h.driver.calls(Adopted.class)).hasSize(1);
      assertThat(h.stored(WEB)).singleElement().satisfies(i -> {
        assertThat(i.id()).isEqualTo(provisioned.id());
        assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
      });
      assertThat(h.driver.launches()).isEmpty();
    }

    @Test
    void thatWasBeingKilledWhenTheSchedulerStoppedIsKilledAgain() {
      App app = h.given(anApp(WEB).withInstances(0));
      Instance killing = h.given(instanceOf(app).killing().decommissioned().on(OfferBuilder.AGENT).build());
      h.start();

      h.connect(ObservedTask.of(killing.id().value(), OfferBuilder.AGENT, InstanceState.RUNNING));

      assertThat(h.driver.killedIds()).isNotEmpty().containsOnly(killing.id().value()); // kills are idempotent
      assertThat(h.driver.launches()).isEmpty();
      assertThat(h.stored(WEB)).containsExactly(killing);
    }

    @Test
    void thatEndedWhileTheSchedulerWasDownIsReplacedNotAdopted() {
      App app = h.given(anApp(WEB).withInstances(1));
      Instance running = h.given(instanceOf(app).running().on(OfferBuilder.AGENT).build());
      h.start();

      h.connect(ObservedTask.of(running.id().value(), OfferBuilder.AGENT, InstanceState.FAILED));

      assertThat(h.driver.calls(Adopted.class)).isEmpty();
      assertThat(h.stored(WEB)).singleElement().satisfies(i -> {
        assertThat(i.id()).isNotEqualTo(running.id());
        assertThat(i.state()).isEqualTo(InstanceState.SCHEDULED);
      });
    }
  }

  @Nested
  class ATaskOnlyTheStoreKnows {

    @Test
    void isMarkedLostAndReplacedUnderANewIdNeverRelaunched() {
      App app = h.given(anApp(WEB).withInstances(1));
      Instance provisioned = h.given(instanceOf(app).provisioned().on(OfferBuilder.AGENT).build());
      h.start();

      h.connect();

      assertThat(h.stored(provisioned)).isEmpty();
      Instance replacement = h.stored(WEB).get(0);
      assertThat(replacement.id()).isNotEqualTo(provisioned.id());
      assertThat(replacement.state()).isEqualTo(InstanceState.SCHEDULED);
      assertThat(h.queries().lastFailure(WEB)).hasValueSatisfying(f -> {
        assertThat(f.taskId()).isEqualTo(provisioned.id().value());
        assertThat(f.state()).isEqualTo("TASK_LOST");
      });

      h.offerPlenty();
      assertThat(h.driver.launches()).extracting(l -> l.payload().taskId())
          .containsExactly(replacement.id().value());
    }

    @Test
    void whileScheduledKeepsWaitingForAnOffer() {
      App app = h.given(anApp(WEB).withInstances(1));
      Instance scheduled = h.given(instanceOf(app).scheduled().build());
      h.start();

      h.connect();
      h.offerPlenty();

      assertThat(h.driver.launches()).extracting(l -> l.payload().taskId())
          .containsExactly(scheduled.id().value());
      assertThat(h.queries().lastFailure(WEB)).isEmpty();
    }
  }

  @Nested
  class ATaskOnlyTheClusterKnows {

    @Test
    void isKilled() {
      h.given(anApp(WEB).withInstances(0));
      h.start();

      h.connect(ObservedTask.of("team_web.unknown-1", OfferBuilder.AGENT, InstanceState.RUNNING));

      assertThat(h.driver.killedIds()).containsExactly("team_web.unknown-1");
      assertThat(h.driver.kills().get(0).agentId()).isEqualTo(OfferBuilder.AGENT);
      assertThat(h.stored(WEB)).isEmpty();
    }

    @Test
    void thatAlreadyEndedIsLeftAlone() {
      h.start();

      h.connect(ObservedTask.of("team_web.unknown-1", OfferBuilder.AGENT, InstanceState.FINISHED));

      assertThat(h.driver.kills()).isEmpty();
    }
  }

  @Test
  void nothingIsDecidedAboutStoredInstancesBeforeTheClusterReports() {
    App app = h.given(anApp(WEB).withInstances(1));
    Instance provisioned = h.given(instanceOf(app).provisioned().on(OfferBuilder.AGENT).build());

    h.start();
    h.drain();

    assertThat(h.stored(WEB)).containsExactly(provisioned);
    assertThat(h.driver.calls()).isEmpty();
  }

  private static io.berth.scheduler.core.instances.InstanceBuilder instanceOf(App app) {
    return anInstance().ofApp(app.id()).withVersion(app.version());
  }
}
