package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.cluster.TaskStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Instances going away and coming back: scaling down, failures with backoff, restarts. */
class EngineReplacementTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = EngineHarness.connected();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Nested
  class ScalingDown {

    @Test
    void scalingThreeToOneKillsTheTwoYoungestAndExpungesThemWhenKilled() {
      h.create(anApp(WEB).withInstances(3).withKillSelection("YOUNGEST_FIRST"));
      List<String> byAge = runOneMinuteApart(WEB);

      h.scale(WEB, 1);

      assertThat(h.driver.killedIds()).containsExactlyInAnyOrder(byAge.get(1), byAge.get(2));
      assertThat(h.stored(WEB, InstanceState.KILLING)).extracting(i -> i.id().value())
          .containsExactlyInAnyOrder(byAge.get(1), byAge.get(2));

      h.report(byAge.get(1), InstanceState.KILLED);
      h.report(byAge.get(2), InstanceState.KILLED);

      assertThat(h.storedIds(WEB)).containsExactly(byAge.get(0));
      assertThat(h.queries().counts(WEB).running()).isEqualTo(1);
      assertThat(h.queries().queue()).isEmpty();
    }

    @Test
    void oldestFirstKillsTheOldest() {
      h.create(anApp(WEB).withInstances(3).withKillSelection("OLDEST_FIRST"));
      List<String> byAge = runOneMinuteApart(WEB);

      h.scale(WEB, 1);

      assertThat(h.driver.killedIds()).containsExactlyInAnyOrder(byAge.get(0), byAge.get(1));
    }

    @Test
    void aScaleOnlyChangeReplacesNothing() {
      h.create(anApp(WEB).withInstances(2));
      h.launchAndRun(WEB);
      List<String> before = h.storedIds(WEB);

      h.scale(WEB, 3);
      h.launchAndRun(WEB);

      assertThat(h.driver.kills()).isEmpty();
      assertThat(h.storedIds(WEB)).hasSize(3).containsAll(before);
    }
  }

  @Nested
  class AFailedTask {

    @Test
    void isReplacedUnderANewIdAfterTheLaunchDelay() {
      h.create(anApp(WEB).withInstances(1).withBackoffSeconds(60));
      h.launchAndRun(WEB);
      String failed = h.storedIds(WEB).get(0);
      h.driver.forget();

      h.driver.status(new TaskStatus(failed, OfferBuilder.AGENT, InstanceState.FAILED, "exit 1", null, null, false));
      h.drain();

      assertThat(h.stored(WEB)).singleElement().satisfies(i -> {
        assertThat(i.id().value()).isNotEqualTo(failed);
        assertThat(i.state()).isEqualTo(InstanceState.SCHEDULED);
      });
      assertThat(h.queries().queue()).singleElement()
          .satisfies(q -> assertThat(q.entry().timeLeftSeconds()).isEqualTo(60));
      assertThat(h.queries().lastFailure(WEB)).hasValueSatisfying(f -> {
        assertThat(f.taskId()).isEqualTo(failed);
        assertThat(f.state()).isEqualTo("TASK_FAILED");
        assertThat(f.message()).isEqualTo("exit 1");
      });

      h.offerPlenty();
      assertThat(h.driver.launches()).isEmpty();

      h.clock.advance(Duration.ofSeconds(61));
      h.offerPlenty();
      assertThat(h.driver.launches()).singleElement()
          .satisfies(l -> assertThat(l.payload().taskId()).isEqualTo(h.storedIds(WEB).get(0)));
    }

    @Test
    void failingAgainGrowsTheDelayByTheBackoffFactor() {
      h.create(anApp(WEB).withInstances(1).withBackoffSeconds(60));
      h.launchAndRun(WEB);
      h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);
      h.clock.advance(Duration.ofSeconds(61));
      h.launchAndRun(WEB);

      h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);

      assertThat(h.queries().queue()).singleElement()
          .satisfies(q -> assertThat(q.entry().timeLeftSeconds()).isEqualTo(69)); // 60 × 1.15
    }

    @Test
    void scalingKeepsTheLaunchDelay() {
      h.create(anApp(WEB).withInstances(1).withBackoffSeconds(120));
      h.launchAndRun(WEB);
      h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);

      h.scale(WEB, 2);
      h.offerPlenty();

      assertThat(h.driver.launches()).hasSize(1);
      assertThat(h.queries().queue()).singleElement().satisfies(q -> {
        assertThat(q.entry().count()).isEqualTo(2);
        assertThat(q.entry().timeLeftSeconds()).isEqualTo(120);
      });
    }

    @Test
    void aKilledTaskThatWasGivenUpIsNotReplaced() {
      h.create(anApp(WEB).withInstances(2));
      h.launchAndRun(WEB);
      h.scale(WEB, 1);
      String killed = h.driver.killedIds().get(0);

      h.report(killed, InstanceState.KILLED);

      assertThat(h.stored(WEB)).hasSize(1);
      assertThat(h.queries().lastFailure(WEB)).isEmpty();
    }
  }

  @Nested
  class Restarting {

    @Test
    void launchesTheNewInstancesFirstAndKillsOldOnesOnlyAsNewOnesRun() {
      h.create(anApp(WEB).withInstances(2));
      h.launchAndRun(WEB);
      List<String> old = h.storedIds(WEB);
      h.driver.forget();

      h.restart(WEB);
      App restarted = h.app(WEB);

      List<Instance> fresh = h.stored(WEB, InstanceState.SCHEDULED);
      assertThat(fresh).hasSize(2).allSatisfy(i -> assertThat(i.appVersion()).isEqualTo(restarted.version()));
      assertThat(h.driver.kills()).isEmpty();

      h.offerPlenty();
      List<String> freshIds = fresh.stream().map(i -> i.id().value()).toList();
      assertThat(h.driver.launches()).extracting(l -> l.payload().taskId())
          .containsExactlyInAnyOrderElementsOf(freshIds);
      assertThat(h.driver.kills()).isEmpty();

      h.report(freshIds.get(0), InstanceState.RUNNING);
      assertThat(h.driver.killedIds()).hasSize(1).isSubsetOf(old);

      h.report(freshIds.get(1), InstanceState.RUNNING);
      assertThat(h.driver.killedIds()).containsExactlyInAnyOrderElementsOf(old);

      old.forEach(id -> h.report(id, InstanceState.KILLED));
      assertThat(h.stored(WEB)).hasSize(2).allSatisfy(i -> {
        assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(i.appVersion()).isEqualTo(restarted.version());
      });
      assertThat(h.driver.launches()).hasSize(2);
    }

    @Test
    void startsAfreshWithoutTheLaunchDelayOfACrashingApp() {
      h.create(anApp(WEB).withInstances(1).withBackoffSeconds(120));
      h.launchAndRun(WEB);
      h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);
      h.driver.forget();

      h.restart(WEB);
      h.offerPlenty();

      assertThat(h.queries().queue()).isEmpty();
      assertThat(h.driver.launches()).singleElement()
          .satisfies(l -> assertThat(l.payload().app().version()).isEqualTo(h.app(WEB).version()));
    }

    @Test
    void neverKillsAnOldInstanceWhileANewOneIsOnlyStaging() {
      h.create(anApp(WEB).withInstances(1));
      h.launchAndRun(WEB);

      h.restart(WEB);
      h.offerPlenty();
      String fresh = h.stored(WEB, InstanceState.PROVISIONED).get(0).id().value();
      h.report(fresh, InstanceState.STAGING);

      assertThat(h.driver.kills()).isEmpty();
      assertThat(h.stored(WEB)).hasSize(2);
    }
  }

  /** Launches all of the app's instances and starts them one minute apart; ids oldest first. */
  private List<String> runOneMinuteApart(String appId) {
    h.offerPlenty();
    for (Instance i : h.stored(appId)) {
      h.clock.advance(Duration.ofMinutes(1));
      h.report(i.id().value(), InstanceState.RUNNING);
    }
    return h.stored(appId).stream().sorted(Comparator.comparing(Instance::startedAt))
        .map(i -> i.id().value()).toList();
  }
}
