package io.berth.scheduler.core.matching;

import static io.berth.scheduler.core.matching.InstanceBuilder.anInstance;
import static io.berth.scheduler.core.matching.InstanceBuilder.instancesOf;
import static io.berth.scheduler.core.matching.Matching.binPack;
import static io.berth.scheduler.core.matching.Matching.spread;
import static io.berth.scheduler.core.matching.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {
    private final List<Offer> fourAgents = List.of(anOffer("a1").withCpus(4).build(), anOffer("a2").withCpus(4).build(),
            anOffer("a3").withCpus(4).build(), anOffer("a4").withCpus(4).build());

    private static long agentsUsed(MatchResult result) {
        return result.launches().stream().map(Launch::agentId).distinct().count();
    }

    @Test
    void binPackingIsTheDefault() {
        assertThat(new OfferMatcher().policy()).isEqualTo(PlacementPolicy.BIN_PACK);
    }

    @Test
    void binPackingFillsAnAgentBeforeOpeningAnother() {
        MatchResult result = binPack(fourAgents, instancesOf("/web", 8, anInstance("t").withCpus(1)));

        assertThat(agentsUsed(result)).isEqualTo(2);
        assertThat(result.unusedOffers()).hasSize(2);
    }

    @Test
    void binPackingPutsASmallInstanceOnThePartlyUsedAgent() {
        List<WaitingInstance> waiting = new ArrayList<>(instancesOf("/big", 1, anInstance("t").withCpus(3)));
        waiting.addAll(instancesOf("/small", 1, anInstance("t").withCpus(1)));

        MatchResult result = binPack(fourAgents, waiting);

        assertThat(agentsUsed(result)).isEqualTo(1);
    }

    @Test
    void spreadingUsesTheEmptiestAgentFirst() {
        MatchResult result = spread(fourAgents, instancesOf("/web", 8, anInstance("t").withCpus(1)));

        assertThat(result.launches().stream().collect(Collectors.groupingBy(Launch::hostname, Collectors.counting())))
                .hasSize(4).allSatisfy((host, count) -> assertThat(count).isEqualTo(2));
    }

    @Test
    void sameInputGivesTheSameDecisions() {
        List<WaitingInstance> waiting = instancesOf("/web", 10, anInstance("t").withCpus(0.7).withDynamicPorts(1)
                .withConstraint("hostname", "MAX_PER", "3"));
        List<Offer> offers = List.of(anOffer("a1").withPorts(1000, 1005).build(),
                anOffer("a2").withPorts(1000, 1005).build());

        assertThat(binPack(offers, waiting)).isEqualTo(binPack(offers, waiting));
        assertThat(spread(offers, waiting)).isEqualTo(spread(offers, waiting));
    }

    @Test
    void rejectsDuplicateIds() {
        Offer offer = anOffer("a1").build();
        WaitingInstance instance = anInstance("t").build();

        assertThatThrownBy(() -> binPack(List.of(offer, offer), List.of(instance)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate offer id offer-a1");
        assertThatThrownBy(() -> binPack(List.of(offer), List.of(instance, instance)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate instance id t");
    }
}
