package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static io.berth.scheduler.engine.OfferBuilder.anOffer;
import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.model.App;
import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.berth.scheduler.core.matching.Offer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A write that fails stops the effects after it: nothing is sent that the store does not say. */
class EngineStoreFailureTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = EngineHarness.connected();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Test
  void aLaunchWhoseRecordCannotBeWrittenIsNotSent() {
    h.create(anApp(WEB).withInstances(1));
    h.store.failWrite(1, InstanceState.PROVISIONED);

    h.offerPlenty();

    assertThat(h.driver.launches()).isEmpty();
    assertThat(h.stored(WEB)).singleElement()
        .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.SCHEDULED));

    h.offerPlenty();
    assertThat(h.driver.launches()).hasSize(1);
  }

  @Test
  void anOfferALaunchUsedIsNotUsedAgainAfterALaterWriteFailed() {
    h.create(anApp(WEB).withInstances(2));
    h.store.failWrite(2, InstanceState.PROVISIONED);
    Offer first = anOffer().build();
    h.offer(first);
    assertThat(h.driver.launches()).singleElement().satisfies(l -> assertThat(l.offer()).isEqualTo(first.id()));

    Offer second = anOffer().build();
    h.offer(second);

    assertThat(h.driver.launches()).hasSize(2)
        .last().satisfies(l -> assertThat(l.offer()).isEqualTo(second.id()));
  }

  @Test
  void aFailedWriteDuringStartUpReconciliationIsRetriedByTheTick() throws InterruptedException {
    try (EngineHarness ticking = new EngineHarness(HelperConfig.defaults(), Duration.ofMillis(20))) {
      App app = ticking.given(anApp(WEB).withInstances(2));
      Instance staging = ticking.given(anInstance().ofApp(WEB).withVersion(app.version()).staging()
          .on(OfferBuilder.AGENT).build());
      ticking.start();
      ticking.store.failWrite(1, InstanceState.RUNNING);

      ticking.connect(ObservedTask.of(staging.id().value(), OfferBuilder.AGENT, InstanceState.RUNNING),
          ObservedTask.of("team_web.orphan", OfferBuilder.AGENT, InstanceState.RUNNING));

      await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
        assertThat(ticking.driver.killedIds()).contains("team_web.orphan");
        assertThat(ticking.stored(WEB, InstanceState.RUNNING)).extracting(Instance::id).containsExactly(staging.id());
        assertThat(ticking.stored(WEB, InstanceState.SCHEDULED)).hasSize(1);
      });
    }
  }

  @Test
  void anUpdateWhoseRecordCannotBeWrittenIsNotAcknowledgedSoItComesAgain() {
    h.create(anApp(WEB).withInstances(1));
    h.offerPlenty();
    String id = h.storedIds(WEB).get(0);
    h.store.failWrite(1, InstanceState.RUNNING);

    h.report(id, InstanceState.RUNNING, "ack-1");

    assertThat(h.driver.acknowledged()).isEmpty();
    assertThat(h.stored(WEB, InstanceState.PROVISIONED)).hasSize(1);

    h.report(id, InstanceState.RUNNING, "ack-1");
    assertThat(h.driver.acknowledged()).containsExactly("ack-1");
    assertThat(h.stored(WEB, InstanceState.RUNNING)).hasSize(1);
  }
}
