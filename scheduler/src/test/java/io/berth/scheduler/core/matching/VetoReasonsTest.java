package io.berth.scheduler.core.matching;

import static io.berth.scheduler.core.matching.InstanceBuilder.anInstance;
import static io.berth.scheduler.core.matching.InstanceBuilder.instancesOf;
import static io.berth.scheduler.core.matching.Matching.binPack;
import static io.berth.scheduler.core.matching.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.matching.Veto.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instance left waiting says why: which rule or resource failed, on how many offers. */
class VetoReasonsTest {
    private final Offer small = anOffer("small").withCpus(0.5).withMem(256).withAttribute("rack", "r1").build();
    private final Offer big = anOffer("big").withCpus(16).withMem(256).withAttribute("rack", "r2").build();

    @Test
    void countsEachFailingResourceOverAllOffers() {
        MatchResult result = binPack(List.of(small, big), List.of(anInstance("t").withCpus(1).withMem(512).build()));

        assertThat(result.unplaced()).singleElement().satisfies(u -> {
            assertThat(u.offersConsidered()).isEqualTo(2);
            assertThat(u.vetoes()).containsExactly(
                    new Veto(Reason.INSUFFICIENT_CPUS, "cpus 1.0", 1),
                    new Veto(Reason.INSUFFICIENT_MEMORY, "mem 512.0", 2));
        });
    }

    @Test
    void namesTheConstraintThatFailed() {
        MatchResult result = binPack(List.of(small, big),
                List.of(anInstance("t").withConstraint("rack", "LIKE", "r9").build()));

        assertThat(result.unplaced().get(0).vetoes())
                .containsExactly(new Veto(Reason.UNFULFILLED_CONSTRAINT, "rack:LIKE:r9", 2));
    }

    @Test
    void reasonsReflectTheLaunchesMadeEarlierInTheRound() {
        MatchResult result = binPack(List.of(big), instancesOf("/web", 2,
                anInstance("t").withCpus(1).withConstraint("hostname", "UNIQUE")));

        assertThat(result.unplaced()).singleElement().satisfies(u -> {
            assertThat(u.instanceId()).isEqualTo("/web.1");
            assertThat(u.appId()).isEqualTo("/web");
            assertThat(u.vetoes()).containsExactly(new Veto(Reason.UNFULFILLED_CONSTRAINT, "hostname:UNIQUE", 1));
        });
    }

    @Test
    void everyWaitingInstanceOfAGroupGetsTheReasons() {
        MatchResult result = binPack(List.of(small), instancesOf("/web", 3, anInstance("t").withCpus(2)));

        assertThat(result.unplaced()).extracting(Unplaced::instanceId).containsExactly("/web.0", "/web.1", "/web.2");
        assertThat(result.unplaced()).allSatisfy(u -> assertThat(u.vetoes())
                .containsExactly(new Veto(Reason.INSUFFICIENT_CPUS, "cpus 2.0", 1)));
    }

    @Test
    void withoutOffersThereAreNoVetoesAndNothingConsidered() {
        MatchResult result = binPack(List.of(), List.of(anInstance("t").build()));

        assertThat(result.unplaced()).singleElement().satisfies(u -> {
            assertThat(u.offersConsidered()).isZero();
            assertThat(u.vetoes()).isEmpty();
        });
    }

    @Test
    void unusedOffersAreListedForDeclining() {
        MatchResult result = binPack(List.of(small, big), List.of(anInstance("t").withCpus(2).build()));

        assertThat(result.unusedOffers()).containsExactly(small.id());
    }

    @Test
    void everyWaitingInstanceGetsExactlyOneDecision() {
        MatchResult result = binPack(List.of(small), instancesOf("/web", 3, anInstance("t").withCpus(0.2)));

        assertThat(result.decisions()).extracting(Decision::instanceId)
                .containsExactly("/web.0", "/web.1", "/web.2");
        assertThat(result.decisions()).hasExactlyElementsOfTypes(Launch.class, Launch.class, Unplaced.class);
    }

    @Test
    void vetoesReadWell() {
        assertThat(new Veto(Reason.INSUFFICIENT_CPUS, "cpus 2.0", 3)).hasToString("INSUFFICIENT_CPUS(cpus 2.0) on 3 offers");
    }
}
