package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.engine.FakeClusterDriver.Revived;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only the passing of time does, through the engine's periodic tick. */
@Timeout(30)
class EngineTickTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = new EngineHarness(HelperConfig.defaults(), Duration.ofMillis(20));

  EngineTickTest() {
    h.start();
    h.connect();
  }

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Test
  void theEndOfALaunchDelayRevivesOffers() {
    h.create(anApp(WEB).withInstances(1).withBackoffSeconds(60));
    h.launchAndRun(WEB);
    h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);
    h.drain();
    assertThat(h.driver.calls()).last().isEqualTo(new FakeClusterDriver.Suppressed());
    h.driver.forget();

    h.clock.advance(Duration.ofSeconds(61));

    await().atMost(5, TimeUnit.SECONDS).untilAsserted(() ->
        assertThat(h.driver.calls(Revived.class)).isNotEmpty());
  }

  @Test
  void aTaskStuckLaunchingIsKilledAfterTheLaunchTimeoutAndReplacedWithBackoff() {
    h.create(anApp(WEB).withInstances(1).withBackoffSeconds(60));
    h.offerPlenty();
    String stuck = h.storedIds(WEB).get(0);
    h.report(stuck, InstanceState.STAGING);

    h.clock.advance(Duration.ofMinutes(5));

    await().atMost(5, TimeUnit.SECONDS).untilAsserted(() ->
        assertThat(h.driver.killedIds()).containsExactly(stuck));
    h.drain();
    assertThat(h.stored(WEB, InstanceState.KILLING)).extracting(i -> i.id().value()).containsExactly(stuck);
    assertThat(h.stored(WEB, InstanceState.SCHEDULED)).hasSize(1);
    assertThat(h.queries().queue()).singleElement()
        .satisfies(q -> assertThat(q.entry().timeLeftSeconds()).isEqualTo(60));
  }

  @Test
  void aKillThatIsNotConfirmedIsSentAgain() {
    h.create(anApp(WEB).withInstances(2));
    h.launchAndRun(WEB);
    h.scale(WEB, 1);
    String victim = h.driver.killedIds().get(0);

    h.clock.advance(Duration.ofSeconds(30));

    await().atMost(5, TimeUnit.SECONDS).untilAsserted(() ->
        assertThat(h.driver.killedIds()).filteredOn(victim::equals).hasSizeGreaterThan(1));
  }
}
