package io.berth.scheduler.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hundreds of seeded random clusters, both policies: the invariants hold and the output is repeatable. */
class RandomClusterPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void binPackingNeverOvercommitsNorBreaksAConstraintAndIsDeterministic(long seed) {
        checkPolicy(seed, PlacementPolicy.BIN_PACK);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spreadingNeverOvercommitsNorBreaksAConstraintAndIsDeterministic(long seed) {
        checkPolicy(seed, PlacementPolicy.SPREAD);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void binPackingInRoomyClustersConsolidatesWithoutBreakingAnything(long seed) {
        check(RandomCluster.generate(seed, true), PlacementPolicy.BIN_PACK);
    }

    private static void checkPolicy(long seed, PlacementPolicy policy) {
        check(RandomCluster.generate(seed), policy);
    }

    private static void check(RandomCluster cluster, PlacementPolicy policy) {
        MatchResult first = new OfferMatcher(policy).match(cluster.offers(), cluster.waiting(), cluster.running());
        MatchResult again = new OfferMatcher(policy).match(List.copyOf(cluster.offers()),
                List.copyOf(cluster.waiting()), List.copyOf(cluster.running()));

        MatchInvariants.check(cluster, first);
        assertThat(again).isEqualTo(first);
        assertThat(first.unplaced()).allSatisfy(u -> assertThat(u.offersConsidered()).isEqualTo(cluster.offers().size()));
    }
}
