package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static io.berth.scheduler.engine.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.Veto;
import io.berth.scheduler.engine.FakeClusterDriver.Declined;
import io.berth.scheduler.engine.FakeClusterDriver.Revived;
import io.berth.scheduler.engine.FakeClusterDriver.Suppressed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the engine does with offers it cannot use, and with offers it does not need. */
class EngineOffersTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = EngineHarness.connected();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Nested
  class UnusedOffers {

    @Test
    void areDeclinedWithTheRefuseFilter() {
      h.create(anApp(WEB).withInstances(1));
      Offer first = anOffer().build();
      Offer second = anOffer().build();

      h.driver.offers(List.of(first, second));
      h.drain();

      assertThat(h.driver.launches()).singleElement().satisfies(l -> assertThat(l.offer()).isEqualTo(first.id()));
      assertThat(h.driver.calls(Declined.class)).singleElement()
          .isEqualTo(new Declined(List.of(second.id()), EngineHarness.REFUSE));
    }

    @Test
    void areDeclinedWhenNothingWaits() {
      Offer offer = anOffer().build();

      h.offer(offer);

      assertThat(h.driver.calls(Declined.class)).singleElement()
          .isEqualTo(new Declined(List.of(offer.id()), EngineHarness.REFUSE));
      assertThat(h.driver.launches()).isEmpty();
    }
  }

  @Nested
  class Launches {

    @Test
    void everyTaskPlacedOnOneOfferGoesInOneCall() {
      h.create(anApp(WEB).withInstances(3));

      h.offerPlenty();

      assertThat(h.driver.launches()).hasSize(3);
      assertThat(h.driver.launchBatches()).containsExactly(3);
      assertThat(h.stored(WEB, InstanceState.PROVISIONED)).hasSize(3);
    }

    @Test
    void tasksOnTwoOffersGoInOneCallPerOffer() {
      h.create(anApp(WEB).withInstances(2).withConstraint("hostname", "UNIQUE"));

      h.driver.offers(List.of(anOffer().from("a1", "h1").build(), anOffer().from("a2", "h2").build()));
      h.drain();

      assertThat(h.driver.launchBatches()).containsExactly(1, 1);
    }
  }

  @Nested
  class SuppressAndRevive {

    @Test
    void offersAreSuppressedWhenNothingWaits() {
      assertThat(h.driver.calls()).containsExactly(new Suppressed());
    }

    @Test
    void newWorkRevivesThemAndSuppressesAgainOnceLaunched() {
      h.driver.forget();

      h.create(anApp(WEB).withInstances(1));
      assertThat(h.driver.calls()).containsExactly(new Revived());

      h.offerPlenty();
      assertThat(h.driver.calls()).last().isEqualTo(new Suppressed());
      assertThat(h.driver.calls(Suppressed.class)).hasSize(1);
    }

    @Test
    void areSuppressedAgainAfterAReconnectionWhenNothingWaits() {
      h.driver.disconnected("connection reset");
      h.drain();
      h.driver.forget();

      h.connect();

      assertThat(h.driver.calls()).containsExactly(new Suppressed());
    }

    @Test
    void aReplacementForALostTaskRevivesThemAtOnce() {
      h.create(anApp(WEB).withInstances(1));
      h.launchAndRun(WEB);
      h.driver.forget();

      h.report(h.storedIds(WEB).get(0), InstanceState.LOST);

      assertThat(h.stored(WEB, InstanceState.SCHEDULED)).hasSize(1);
      assertThat(h.driver.calls()).containsExactly(new Revived());
    }
  }

  @Nested
  class AnInstanceThatFitsNoOffer {

    @Test
    void waitsAndTheQueueSaysWhy() {
      h.create(anApp(WEB).withInstances(1).withCpus(4));
      Offer small = anOffer().withCpus(1).build();

      h.offer(small);

      assertThat(h.driver.launches()).isEmpty();
      assertThat(h.stored(WEB, InstanceState.SCHEDULED)).hasSize(1);
      assertThat(h.driver.calls(Declined.class)).singleElement()
          .satisfies(d -> assertThat(d.offers()).containsExactly(small.id()));
      assertThat(h.queries().queue()).singleElement().satisfies(q -> {
        assertThat(q.entry().appId()).isEqualTo(WEB);
        assertThat(q.entry().count()).isEqualTo(1);
        assertThat(q.lastRound()).hasValueSatisfying(u -> assertThat(u.vetoes())
            .extracting(Veto::reason).contains(Veto.Reason.INSUFFICIENT_CPUS));
      });
    }

    @Test
    void aConstraintCountsInstancesAlreadyPlacedInEarlierRounds() {
      h.create(anApp(WEB).withInstances(2).withConstraint("hostname", "UNIQUE"));

      h.offer(anOffer().build());
      h.offer(anOffer().build());

      assertThat(h.driver.launches()).hasSize(1);
      assertThat(h.queries().queue()).singleElement().satisfies(q -> assertThat(q.lastRound())
          .hasValueSatisfying(u -> assertThat(u.vetoes()).extracting(Veto::reason)
              .contains(Veto.Reason.UNFULFILLED_CONSTRAINT)));

      h.offer(anOffer().from("agent-2", "host-2").build());

      assertThat(h.driver.launches()).extracting(l -> l.payload().host()).containsExactly("host-1", "host-2");
      assertThat(h.queries().queue()).isEmpty();
    }

    @Test
    void launchesOnceABigEnoughOfferComes() {
      h.create(anApp(WEB).withInstances(1).withCpus(4));
      h.offer(anOffer().withCpus(1).build());

      h.offer(anOffer().withCpus(4).build());

      assertThat(h.driver.launches()).hasSize(1);
      assertThat(h.queries().queue()).isEmpty();
    }
  }
}
