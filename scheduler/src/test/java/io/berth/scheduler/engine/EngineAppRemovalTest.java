package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.InstanceState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deleting an app: its tasks are killed and forgotten, and nothing of it outlives it. */
class EngineAppRemovalTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = EngineHarness.connected();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Test
  void killsItsTasksAndExpungesThemWhenKilled() {
    h.create(anApp(WEB).withInstances(2));
    h.launchAndRun(WEB);
    List<String> ids = h.storedIds(WEB);

    h.apps.delete(WEB);
    h.drain();

    assertThat(h.driver.killedIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.stored(WEB, InstanceState.KILLING)).hasSize(2);

    ids.forEach(id -> h.report(id, InstanceState.KILLED));

    assertThat(h.stored(WEB)).isEmpty();
    assertThat(h.queries().tasks(WEB)).isEmpty();
  }

  @Test
  void forgetsInstancesThatWaitedForAnOfferWithoutKillingAnything() {
    h.create(anApp(WEB).withInstances(2));

    h.apps.delete(WEB);
    h.drain();
    h.offerPlenty();

    assertThat(h.stored(WEB)).isEmpty();
    assertThat(h.driver.kills()).isEmpty();
    assertThat(h.driver.launches()).isEmpty();
    assertThat(h.queries().queue()).isEmpty();
  }

  @Test
  void anAppCreatedAgainUnderTheSameIdStartsWithoutTheOldOnesDelayOrFailure() {
    h.create(anApp(WEB).withInstances(1).withBackoffSeconds(120));
    h.launchAndRun(WEB);
    h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);
    h.apps.delete(WEB);
    h.drain();
    h.driver.forget();

    h.create(anApp(WEB).withInstances(1));
    h.offerPlenty();

    assertThat(h.driver.launches()).hasSize(1);
    assertThat(h.queries().lastFailure(WEB)).isEmpty();
  }
}
