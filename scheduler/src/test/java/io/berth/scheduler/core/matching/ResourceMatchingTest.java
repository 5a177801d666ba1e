package io.berth.scheduler.core.matching;

import static io.berth.scheduler.core.matching.InstanceBuilder.anInstance;
import static io.berth.scheduler.core.matching.InstanceBuilder.instancesOf;
import static io.berth.scheduler.core.matching.Matching.binPack;
import static io.berth.scheduler.core.matching.Matching.launchOf;
import static io.berth.scheduler.core.matching.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResourceMatchingTest {

    @Nested
    class Scalars {
        @Test
        void launchTakesExactlyWhatTheInstanceAsks() {
            Resources asked = new Resources(1.5, 512, 1024, 1);
            Offer offer = anOffer("a1").withCpus(4).withMem(4096).withDisk(2048).withGpus(2).build();

            MatchResult result = binPack(List.of(offer), List.of(new WaitingInstance("web.1", "/web", asked,
                    List.of(), java.util.Set.of("*"), List.of())));

            Launch launch = launchOf(result, "web.1");
            assertThat(launch.resources()).isEqualTo(asked);
            assertThat(launch.offerId()).isEqualTo(offer.id());
            assertThat(launch.agentId()).isEqualTo(offer.agentId());
            assertThat(launch.shares()).singleElement().satisfies(share -> {
                assertThat(share.role()).isEqualTo("*");
                assertThat(share.scalars()).isEqualTo(asked);
            });
        }

        @Test
        void neverOvercommitsCpus() {
            MatchResult result = binPack(List.of(anOffer("a1").withCpus(1).build()),
                    instancesOf("/web", 4, anInstance("t").withCpus(0.3)));

            assertThat(result.launches()).hasSize(3);
            assertThat(result.unplaced()).hasSize(1);
        }

        @Test
        void addsFractionalCpusWithoutDrift() {
            MatchResult result = binPack(List.of(anOffer("a1").withCpus(1).build()),
                    instancesOf("/web", 10, anInstance("t").withCpus(0.1)));

            assertThat(result.launches()).hasSize(10);
        }

        @Test
        void checksMemoryDiskAndGpus() {
            Offer offer = anOffer("a1").withMem(1000).withDisk(500).withGpus(1).build();

            assertThat(binPack(List.of(offer), List.of(anInstance("m").withMem(1001).build())).launches()).isEmpty();
            assertThat(binPack(List.of(offer), List.of(anInstance("d").withDisk(501).build())).launches()).isEmpty();
            assertThat(binPack(List.of(offer), List.of(anInstance("g").withGpus(2).build())).launches()).isEmpty();
            assertThat(binPack(List.of(offer), List.of(anInstance("ok").withMem(1000).withDisk(500).withGpus(1)
                    .build())).launches()).hasSize(1);
        }

        @Test
        void usesTheUnusedRestOfAnOfferForTheNextInstance() {
            Offer offer = anOffer("a1").withCpus(2).withMem(1024).build();

            MatchResult result = binPack(List.of(offer), List.of(
                    anInstance("big").withCpus(1.5).withMem(512).build(),
                    anInstance("small").withCpus(0.5).withMem(512).build(),
                    anInstance("none-left").withCpus(0.1).withMem(1).build()));

            assertThat(result.launches()).extracting(Launch::instanceId).containsExactly("big", "small");
        }
    }

    @Nested
    class Ports {
        @Test
        void dynamicPortsAreTheLowestFreeOnes() {
            Offer offer = anOffer("a1").withPorts(31000, 31009).build();

            MatchResult result = binPack(List.of(offer), instancesOf("/web", 2, anInstance("t").withDynamicPorts(2)));

            assertThat(launchOf(result, "/web.0").hostPorts()).containsExactly(31000, 31001);
            assertThat(launchOf(result, "/web.1").hostPorts()).containsExactly(31002, 31003);
        }

        @Test
        void portsComeFromEveryRangeOfTheOffer() {
            Offer offer = anOffer("a1").withPorts(31000, 31000).withPorts(32000, 32001).build();

            MatchResult result = binPack(List.of(offer), List.of(anInstance("t").withDynamicPorts(3).build()));

            assertThat(result.launches().get(0).hostPorts()).containsExactly(31000, 32000, 32001);
        }

        @Test
        void anInstanceWaitsWhenTheOfferHasTooFewPorts() {
            Offer offer = anOffer("a1").withPorts(31000, 31002).build();

            MatchResult result = binPack(List.of(offer), instancesOf("/web", 2, anInstance("t").withDynamicPorts(2)));

            assertThat(result.launches()).hasSize(1);
            assertThat(result.unplaced()).singleElement().satisfies(u -> assertThat(u.vetoes())
                    .containsExactly(new Veto(Veto.Reason.INSUFFICIENT_PORTS, "2 ports", 1)));
        }

        @Test
        void requiredPortsAreTakenAsAsked() {
            Offer offer = anOffer("a1").withPorts(8000, 9000).build();

            MatchResult result = binPack(List.of(offer), List.of(anInstance("t").withRequiredPorts(8080, 8443).build()));

            assertThat(result.launches().get(0).hostPorts()).containsExactly(8080, 8443);
        }

        @Test
        void requiredPortsGoWhereTheyAreFreeAndOnlyOncePerAgent() {
            Offer a1 = anOffer("a1").withPorts(8080, 8080).build();
            Offer a2 = anOffer("a2").withPorts(31000, 32000).build();
            Offer a3 = anOffer("a3").withPorts(8000, 8100).build();

            MatchResult result = binPack(List.of(a1, a2, a3),
                    instancesOf("/web", 3, anInstance("t").withRequiredPorts(8080)));

            assertThat(result.launches()).extracting(Launch::hostname).containsExactlyInAnyOrder("a1", "a3");
            assertThat(result.unplaced()).singleElement().satisfies(u -> assertThat(u.vetoes())
                    .containsExactly(new Veto(Veto.Reason.PORT_UNAVAILABLE, "port 8080", 3)));
        }

        @Test
        void mixedFixedAndDynamicPortsKeepTheirPositions() {
            Offer offer = anOffer("a1").withPorts(31000, 31010).build();

            MatchResult result = binPack(List.of(offer), List.of(
                    anInstance("t").withDynamicPorts(1).withRequiredPorts(31000).withDynamicPorts(1).build()));

            assertThat(result.launches().get(0).hostPorts()).containsExactly(31001, 31000, 31002);
        }

        @Test
        void aPortTakenByOneInstanceIsNotGivenToTheNext() {
            Offer offer = anOffer("a1").withPorts(31000, 31003).build();

            MatchResult result = binPack(List.of(offer), List.of(
                    anInstance("fixed").withRequiredPorts(31001).build(),
                    anInstance("any").withDynamicPorts(3).build()));

            assertThat(launchOf(result, "any").hostPorts()).containsExactly(31000, 31002, 31003);
        }
    }

    @Nested
    class Roles {
        private final Resources reservation = new Resources(2, 1024, 0, 0);

        @Test
        void defaultInstancesDoNotTouchReservedResources() {
            Offer offer = anOffer("a1").withNothingUnreserved().withReserved("web", reservation).build();

            MatchResult result = binPack(List.of(offer), List.of(anInstance("t").build()));

            assertThat(result.launches()).isEmpty();
            assertThat(result.unplaced().get(0).vetoes())
                    .containsExactly(new Veto(Veto.Reason.UNFULFILLED_ROLE, "accepted roles [*]", 1));
        }

        @Test
        void anInstanceAcceptingARoleUsesItsReservationFirst() {
            Offer offer = anOffer("a1").withCpus(4).withReserved("web", reservation).build();

            MatchResult result = binPack(List.of(offer), List.of(
                    anInstance("t").withCpus(1).withMem(512).acceptingRoles("web", "*").build()));

            assertThat(result.launches().get(0).shares()).singleElement()
                    .satisfies(share -> assertThat(share.role()).isEqualTo("web"));
        }

        @Test
        void anInstanceCanCombineReservedAndUnreservedResources() {
            Offer offer = anOffer("a1").withCpus(4).withMem(4096).withPorts(31000, 31000)
                    .withReserved("web", reservation, PortRange.of(8080, 8080)).build();

            MatchResult result = binPack(List.of(offer), List.of(
                    anInstance("t").withCpus(3).withMem(512).withDynamicPorts(2).acceptingRoles("web", "*").build()));

            Launch launch = result.launches().get(0);
            assertThat(launch.resources()).isEqualTo(new Resources(3, 512, 0, 0));
            assertThat(launch.shares()).containsExactly(
                    new RoleShare("web", new Resources(2, 512, 0, 0), List.of(8080)),
                    new RoleShare("*", new Resources(1, 0, 0, 0), List.of(31000)));
        }

        @Test
        void resourcesOfRolesTheInstanceDoesNotAcceptDoNotCount() {
            Offer offer = anOffer("a1").withCpus(1).withReserved("batch", reservation).build();

            MatchResult result = binPack(List.of(offer), List.of(anInstance("t").withCpus(2).build()));

            assertThat(result.unplaced().get(0).vetoes())
                    .containsExactly(new Veto(Veto.Reason.INSUFFICIENT_CPUS, "cpus 2.0", 1));
        }
    }
}
