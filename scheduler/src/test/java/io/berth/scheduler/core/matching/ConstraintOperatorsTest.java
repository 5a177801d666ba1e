package io.berth.scheduler.core.matching;

import static io.berth.scheduler.core.matching.InstanceBuilder.anInstance;
import static io.berth.scheduler.core.matching.InstanceBuilder.instancesOf;
import static io.berth.scheduler.core.matching.Matching.binPack;
import static io.berth.scheduler.core.matching.Matching.hostsOf;
import static io.berth.scheduler.core.matching.Matching.runningOn;
import static io.berth.scheduler.core.matching.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Marathon's constraint semantics, one operator at a time. Bin-packing would stack everything on one agent. */
class ConstraintOperatorsTest {
    private final Offer a1 = anOffer("a1").withAttribute("rack", "rack-1").withAttribute("cores", "8").build();
    private final Offer a2 = anOffer("a2").withAttribute("rack", "rack-1").withAttribute("cores", "16").build();
    private final Offer b1 = anOffer("b1").withAttribute("rack", "rack-2").build();
    private final Offer b2 = anOffer("b2").withAttribute("rack", "rack-2").build();
    private final Offer c1 = anOffer("c1").withAttribute("rack", "rack-3").build();
    private final Offer bare = anOffer("bare").build();
    private final List<Offer> cluster = List.of(a1, a2, b1, b2, c1, bare);

    private static List<WaitingInstance> app(int count, String... constraint) {
        return instancesOf("/web", count, anInstance("t").withConstraint(constraint));
    }

    private static Map<String, Long> perRack(MatchResult result, List<Offer> offers) {
        Map<String, String> rackOfHost = offers.stream().collect(Collectors.toMap(Offer::hostname,
                o -> o.attributes().getOrDefault("rack", "none")));
        return result.launches().stream().collect(Collectors.groupingBy(l -> rackOfHost.get(l.hostname()),
                Collectors.counting()));
    }

    @Nested
    class Unique {
        @Test
        void putsEachInstanceOnADifferentHost() {
            MatchResult result = binPack(cluster, app(6, "hostname", "UNIQUE"));

            assertThat(hostsOf(result).values()).hasSize(6).doesNotHaveDuplicates();
        }

        @Test
        void avoidsHostsWhereTheAppAlreadyRuns() {
            MatchResult result = binPack(List.of(a1, a2), app(1, "hostname", "UNIQUE"), List.of(runningOn("/web", a1)));

            assertThat(hostsOf(result)).containsEntry("/web.0", "a2");
        }

        @Test
        void ignoresInstancesOfOtherApps() {
            MatchResult result = binPack(List.of(a1), app(1, "hostname", "UNIQUE"), List.of(runningOn("/db", a1)));

            assertThat(hostsOf(result)).containsEntry("/web.0", "a1");
        }

        @Test
        void onAnAttributeAllowsOneInstancePerValueAndSkipsAgentsWithoutIt() {
            MatchResult result = binPack(cluster, app(5, "rack", "UNIQUE"));

            assertThat(perRack(result, cluster)).containsOnlyKeys("rack-1", "rack-2", "rack-3")
                    .allSatisfy((rack, count) -> assertThat(count).isEqualTo(1));
            assertThat(result.unplaced()).hasSize(2);
        }
    }

    @Nested
    class Cluster {
        @Test
        void withAValuePutsEveryInstanceOnAgentsWithThatValue() {
            MatchResult result = binPack(cluster, instancesOf("/web", 4,
                    anInstance("t").withCpus(4).withConstraint("rack", "CLUSTER", "rack-2")));

            assertThat(hostsOf(result).values()).containsOnly("b1", "b2").hasSize(4);
        }

        @Test
        void withoutAValueFollowsTheFirstPlacement() {
            MatchResult result = binPack(cluster, instancesOf("/web", 4,
                    anInstance("t").withCpus(4).withConstraint("rack", "CLUSTER")));

            assertThat(perRack(result, cluster)).hasSize(1).containsValue(4L);
        }

        @Test
        void withoutAValueFollowsRunningInstances() {
            MatchResult result = binPack(cluster, app(2, "rack", "CLUSTER"), List.of(runningOn("/web", c1)));

            assertThat(hostsOf(result).values()).containsOnly("c1");
        }

        @Test
        void onHostnameKeepsTheAppOnOneAgentAndLeavesTheRestWaiting() {
            MatchResult result = binPack(cluster, instancesOf("/web", 3,
                    anInstance("t").withCpus(3).withConstraint("hostname", "CLUSTER")));

            assertThat(result.launches()).hasSize(2);
            assertThat(hostsOf(result).values()).containsOnly(result.launches().get(0).hostname());
            assertThat(result.unplaced()).extracting(Unplaced::instanceId).containsExactly("/web.2");
        }
    }

    @Nested
    class GroupBy {
        @Test
        void spreadsEvenlyOverTheValues() {
            MatchResult result = binPack(cluster, app(6, "rack", "GROUP_BY"));

            assertThat(perRack(result, cluster)).containsOnly(
                    Map.entry("rack-1", 2L), Map.entry("rack-2", 2L), Map.entry("rack-3", 2L));
        }

        @Test
        void fillsTheSmallestGroupFirstCountingRunningInstances() {
            List<RunningInstance> running = List.of(runningOn("/web", a1), runningOn("/web", a2), runningOn("/web", b1));

            MatchResult result = binPack(List.of(a1, b2), app(1, "rack", "GROUP_BY"), running);

            assertThat(hostsOf(result)).containsEntry("/web.0", "b2");
        }

        @Test
        void withACountWaitsForThatManyValuesBeforeRepeatingOne() {
            List<RunningInstance> running = List.of(runningOn("/web", a1), runningOn("/web", b1));

            MatchResult result = binPack(List.of(a2, b2), app(1, "rack", "GROUP_BY", "3"), running);

            assertThat(result.launches()).isEmpty();
            assertThat(result.unplaced()).singleElement()
                    .satisfies(u -> assertThat(u.vetoes()).extracting(Veto::detail).contains("rack:GROUP_BY:3"));
        }

        @Test
        void rejectsAgentsWithoutTheAttribute() {
            MatchResult result = binPack(List.of(bare), app(1, "rack", "GROUP_BY"));

            assertThat(result.launches()).isEmpty();
        }
    }

    @Nested
    class LikeAndUnlike {
        @Test
        void likeAcceptsOnlyValuesMatchingTheWholeRegex() {
            MatchResult result = binPack(cluster, app(4, "rack", "LIKE", "rack-[23]"));

            assertThat(hostsOf(result).values()).allSatisfy(host -> assertThat(host).isIn("b1", "b2", "c1"));
        }

        @Test
        void likeOnHostnameMatchesTheWholeHostname() {
            MatchResult result = binPack(cluster, app(3, "hostname", "LIKE", "a"));

            assertThat(result.launches()).isEmpty();
        }

        @Test
        void unlikeExcludesMatchingValuesButAcceptsAgentsWithoutTheAttribute() {
            MatchResult result = binPack(List.of(a1, b1, bare), instancesOf("/web", 3,
                    anInstance("t").withCpus(8).withConstraint("rack", "UNLIKE", "rack-1")));

            assertThat(hostsOf(result).values()).containsExactlyInAnyOrder("b1", "bare");
        }
    }

    @Nested
    class MaxPer {
        @Test
        void capsInstancesPerValue() {
            MatchResult result = binPack(cluster, app(8, "rack", "MAX_PER", "2"));

            assertThat(perRack(result, cluster)).containsOnly(
                    Map.entry("rack-1", 2L), Map.entry("rack-2", 2L), Map.entry("rack-3", 2L));
            assertThat(result.unplaced()).hasSize(2);
        }

        @Test
        void countsRunningInstances() {
            MatchResult result = binPack(List.of(a1), app(1, "hostname", "MAX_PER", "1"), List.of(runningOn("/web", a1)));

            assertThat(result.launches()).isEmpty();
        }
    }

    @Nested
    class Is {
        @Test
        void acceptsOnlyTheExactValue() {
            MatchResult result = binPack(cluster, app(2, "cores", "IS", "16"));

            assertThat(hostsOf(result).values()).containsOnly("a2");
        }

        @Test
        void comparesScalarsToTheNearestThousandth() {
            MatchResult result = binPack(cluster, app(1, "cores", "IS", "8.0001"));

            assertThat(hostsOf(result)).containsEntry("/web.0", "a1");
        }

        @Test
        void rejectsAgentsWithoutTheAttribute() {
            MatchResult result = binPack(List.of(b1, bare), app(1, "cores", "IS", "8"));

            assertThat(result.launches()).isEmpty();
        }
    }

    @Test
    void allConstraintsOfAnInstanceMustHold() {
        MatchResult result = binPack(cluster, instancesOf("/web", 3, anInstance("t")
                .withConstraint("rack", "LIKE", "rack-[12]").withConstraint("hostname", "UNIQUE")));

        Map<String, String> hosts = hostsOf(result);
        assertThat(hosts.values()).doesNotHaveDuplicates().allSatisfy(h -> assertThat(h).isIn("a1", "a2", "b1", "b2"));
        assertThat(hosts).hasSize(3);
    }

    @Test
    void launchesEarlierInTheRoundCountForLaterGroupsOfTheSameApp() {
        List<WaitingInstance> waiting = List.of(
                anInstance("/web.old").ofApp("/web").withCpus(0.5).withConstraint("hostname", "UNIQUE").build(),
                anInstance("/web.new").ofApp("/web").withCpus(1).withConstraint("hostname", "UNIQUE").build());

        MatchResult result = binPack(List.of(a1, a2), waiting);

        assertThat(result.launches().stream().map(Launch::hostname).collect(Collectors.toSet())).hasSize(2);
    }

    @Test
    void regionAndZoneAreReadFromTheirAttributes() {
        Offer east = anOffer("east").withAttribute("@region", "us-east").build();
        Offer west = anOffer("west").withAttribute("@region", "us-west").build();

        MatchResult result = binPack(List.of(east, west), app(1, "@region", "IS", "us-west"));

        assertThat(result.launches()).extracting(Launch::hostname).containsExactly("west");
    }
}
