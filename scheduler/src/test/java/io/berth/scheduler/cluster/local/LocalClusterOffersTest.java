package io.berth.scheduler.cluster.local;

import static io.berth.scheduler.cluster.local.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalClusterOffersTest extends DriverTestBase {

  private static Resources scalars(Offer o) {
    return o.resources().get(0).scalars();
  }

  private static List<PortRange> ports(Offer o) {
    return o.resources().get(0).ports();
  }

  /** Holds the offers for a while, then says how many came. */
  private int offersAfter(Duration wait) {
    await().pollDelay(wait).atMost(wait.plusSeconds(5)).until(() -> true);
    return events.offers.size();
  }

  @Test
  void theFirstOfferComesAfterOnConnectedAndHoldsTheWholeMachine() {
    Offer offer = startAndAwaitOffer();
    assertThat(events.all.get(0)).isEqualTo(List.of());
    assertThat(offer.agentId().value()).isEqualTo("local-node-1");
    assertThat(offer.hostname()).isEqualTo("node-1");
    assertThat(offer.attributes()).isEqualTo(Map.of("hostname", "node-1"));
    assertThat(scalars(offer)).isEqualTo(new Resources(2, 1024, 10240, 0));
    assertThat(ports(offer)).containsExactly(PortRange.of(31000, 31009));
  }

  @Test
  void aLaunchedTaskIsTakenOutOfTheNextOfferWithItsPortsAndFluentdPort() {
    Offer first = startAndAwaitOffer();
    launchRunning(first, aTask("web.1").cpus(0.5).mem(256).disk(100).ports(31000, 31003).fluentdOn(31009).build());
    Offer next = awaitOfferAfter(first);
    assertThat(scalars(next)).isEqualTo(new Resources(1.5, 768, 10140, 0));
    assertThat(ports(next)).containsExactly(PortRange.of(31001, 31002), PortRange.of(31004, 31008));
  }

  @Test
  void anEndedTaskGivesItsResourcesBack() {
    Offer first = startAndAwaitOffer();
    launchRunning(first, aTask("web.1").cpus(1).ports(31000).build());
    Offer reduced = awaitOfferAfter(first);
    docker.exitApp("web.1", 3);
    events.awaitState("web.1", InstanceState.FAILED);
    Offer full = awaitOfferAfter(reduced);
    assertThat(scalars(full)).isEqualTo(scalars(first));
    assertThat(ports(full)).isEqualTo(ports(first));
    assertThat(events.rescinded).contains(reduced.id());
  }

  @Nested
  class OneEngineRound {

    @Test
    void severalLaunchesShareOneOfferAndTheRemainderIsOfferedUnderANewId() {
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").cpus(1).ports(31000).build()));
      driver.launch(offer.id(), Launches.one(aTask("web.2").cpus(0.5).ports(31001).build()));
      events.awaitState("web.1", InstanceState.RUNNING);
      events.awaitState("web.2", InstanceState.RUNNING);
      Offer remainder = awaitOfferAfter(offer);
      assertThat(scalars(remainder).cpus()).isEqualTo(0.5);
      assertThat(ports(remainder)).containsExactly(PortRange.of(31002, 31009));
    }

    @Test
    void aLaunchThatNoLongerFitsTheOfferIsDroppedWithTheReason() {
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").cpus(1.5).build()));
      driver.launch(offer.id(), Launches.one(aTask("web.2").cpus(1).build()));
      TaskStatus dropped = events.awaitState("web.2", InstanceState.DROPPED);
      assertThat(dropped.message()).contains("needs 1.0 cpus").contains("0.5 cpus");
      assertThat(dropped.ackId()).isNull();
      assertThat(docker.containersOf("web.2")).isZero();
    }

    @Test
    void aLaunchOnPortsAnotherLaunchTookIsDropped() {
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").ports(31000).build()));
      driver.launch(offer.id(), Launches.one(aTask("web.2").ports(31000).build()));
      assertThat(events.awaitState("web.2", InstanceState.DROPPED).message()).contains("not the ports [31000]");
    }
  }

  @Nested
  class StaleOffers {

    @Test
    void aLaunchOnADeclinedOfferIsDropped() {
      Offer offer = startAndAwaitOffer();
      driver.decline(List.of(offer.id()), Duration.ofMinutes(5));
      driver.launch(offer.id(), Launches.one(aTask("web.1").build()));
      assertThat(events.awaitState("web.1", InstanceState.DROPPED).message()).contains("no longer valid");
    }

    @Test
    void aLaunchOnAReplacedOfferIsDropped() {
      Offer first = startAndAwaitOffer();
      launchRunning(first, aTask("web.1").build());
      awaitOfferAfter(first);
      driver.launch(first.id(), Launches.one(aTask("web.2").build()));
      events.awaitState("web.2", InstanceState.DROPPED);
    }

    @Test
    void aLaunchOnAnOfferNeverMadeIsDropped() {
      startAndAwaitOffer();
      driver.launch(new OfferId("made-up"), Launches.one(aTask("web.1").build()));
      assertThat(events.awaitState("web.1", InstanceState.DROPPED).message()).contains("made-up");
    }
  }

  @Nested
  class Pacing {

    @Test
    void aDeclineWithRefuseHoldsOffersBackUntilARevive() {
      Offer offer = startAndAwaitOffer();
      driver.decline(List.of(offer.id()), Duration.ofMinutes(5));
      assertThat(offersAfter(Duration.ofMillis(300))).isEqualTo(1);
      driver.revive();
      Offer revived = events.awaitOffer(2);
      assertThat(scalars(revived)).isEqualTo(scalars(offer));
    }

    @Test
    void resourcesTheDeclinedOfferDidNotHoldAreOfferedDespiteTheRefusal() {
      Offer first = startAndAwaitOffer();
      launchRunning(first, aTask("web.1").cpus(1).ports(31000).build());
      Offer remainder = awaitOfferAfter(first);
      driver.decline(List.of(remainder.id()), Duration.ofMinutes(5));
      driver.kill("web.1", "local-node-1", Duration.ofSeconds(1));
      events.awaitState("web.1", InstanceState.KILLED);
      Offer freed = awaitOfferAfter(remainder);
      assertThat(scalars(freed).cpus()).isEqualTo(2);
      assertThat(ports(freed)).containsExactly(PortRange.of(31000, 31009));
    }

    @Test
    void aDeclinedOfferComesBackWhenTheRefusalEnds() {
      Offer offer = startAndAwaitOffer();
      long declinedAt = System.nanoTime();
      driver.decline(List.of(offer.id()), Duration.ofMillis(300));
      events.awaitOffer(2);
      assertThat(Duration.ofNanos(System.nanoTime() - declinedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aSuppressedDriverOffersNothingUntilRevived() {
      Offer offer = startAndAwaitOffer();
      driver.suppress();
      launchRunning(offer, aTask("web.1").cpus(1).build());
      assertThat(offersAfter(Duration.ofMillis(300))).isEqualTo(1);
      driver.revive();
      assertThat(scalars(events.awaitOffer(2)).cpus()).isEqualTo(1);
    }

    @Test
    void aReviveReplacesTheOfferTheEngineHolds() {
      Offer offer = startAndAwaitOffer();
      driver.revive();
      Offer fresh = events.awaitOffer(2);
      assertThat(fresh.id()).isNotEqualTo(offer.id());
      assertThat(events.rescinded).containsExactly(offer.id());
    }

    @Test
    void nothingChangedMeansNoNewOffer() {
      startAndAwaitOffer();
      driver.kill("not-here", null, Duration.ZERO);
      events.awaitState("not-here", InstanceState.KILLED);
      assertThat(offersAfter(Duration.ofMillis(200))).isEqualTo(1);
    }
  }
}
