package io.berth.scheduler.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a match result against its input without using the matcher's code: resources per offer
 * and role, ports per agent, and every constraint replayed launch by launch with a plain reading of
 * Marathon's rules over (running instances + earlier launches of the app).
 */
final class MatchInvariants {
    private MatchInvariants() {
    }

    static void check(RandomCluster cluster, MatchResult result) {
        Map<String, WaitingInstance> waiting = new HashMap<>();
        cluster.waiting().forEach(w -> waiting.put(w.instanceId(), w));
        Map<OfferId, Offer> offers = new HashMap<>();
        cluster.offers().forEach(o -> offers.put(o.id(), o));
        Set<String> decided = new HashSet<>();
        Map<String, long[]> usedByOfferRole = new HashMap<>();
        Map<String, Set<Integer>> portsByAgent = new HashMap<>();
        Map<String, List<Offer>> placedByApp = new HashMap<>();
        for (RunningInstance r : cluster.running()) {
            placedByApp.computeIfAbsent(r.appId(), a -> new ArrayList<>()).add(
                    new Offer(new OfferId("running"), r.agentId(), r.hostname(), r.attributes(), List.of()));
        }
        for (Launch launch : result.launches()) {
            WaitingInstance instance = waiting.get(launch.instanceId());
            Offer offer = offers.get(launch.offerId());
            assertThat(instance).as("launched instance exists").isNotNull();
            assertThat(offer).as("offer exists").isNotNull();
            assertThat(decided.add(launch.instanceId())).as("launched once: " + launch.instanceId()).isTrue();
            assertThat(launch.resources()).isEqualTo(instance.resources());
            assertThat(launch.agentId()).isEqualTo(offer.agentId());
            assertThat(launch.hostPorts()).hasSameSizeAs(instance.hostPorts());
            for (int i = 0; i < instance.hostPorts().size(); i++) {
                if (instance.hostPorts().get(i) != 0) {
                    assertThat(launch.hostPorts().get(i)).isEqualTo(instance.hostPorts().get(i));
                }
            }
            long[] total = new long[4];
            List<Integer> sharePorts = new ArrayList<>();
            for (RoleShare share : launch.shares()) {
                assertThat(instance.acceptedRoles()).contains(share.role());
                RoleResources pool = offer.resources().stream().filter(p -> p.role().equals(share.role())).findFirst()
                        .orElseThrow(() -> new AssertionError("role " + share.role() + " not in " + offer));
                long[] used = usedByOfferRole.computeIfAbsent(offer.id() + "/" + share.role(), k -> new long[4]);
                long[] part = thousandths(share.scalars());
                long[] capacity = thousandths(pool.scalars());
                for (int d = 0; d < 4; d++) {
                    used[d] += part[d];
                    total[d] += part[d];
                    assertThat(used[d]).as("no over-commit of resource " + d + " on " + offer.id()).isLessThanOrEqualTo(capacity[d]);
                }
                for (int port : share.ports()) {
                    assertThat(pool.ports()).as("port " + port + " offered").anyMatch(r -> r.begin() <= port && port <= r.end());
                    assertThat(portsByAgent.computeIfAbsent(offer.agentId().value(), a -> new HashSet<>()).add(port))
                            .as("port " + port + " used once on " + offer.agentId()).isTrue();
                    sharePorts.add(port);
                }
            }
            assertThat(total).containsExactly(thousandths(instance.resources()));
            assertThat(sharePorts).containsExactlyInAnyOrderElementsOf(launch.hostPorts());
            List<Offer> placed = placedByApp.computeIfAbsent(instance.appId(), a -> new ArrayList<>());
            for (Constraint c : instance.constraints()) {
                assertThat(meets(c, offer, placed)).as(c + " for " + launch.instanceId() + " on " + offer.hostname()).isTrue();
            }
            placed.add(offer);
        }
        for (Unplaced u : result.unplaced()) {
            assertThat(decided.add(u.instanceId())).as("decided once: " + u.instanceId()).isTrue();
        }
        assertThat(decided).isEqualTo(waiting.keySet());
        Set<OfferId> used = new HashSet<>();
        result.launches().forEach(l -> used.add(l.offerId()));
        assertThat(result.unusedOffers()).allSatisfy(id -> assertThat(used).doesNotContain(id))
                .hasSize(cluster.offers().size() - used.size());
    }

    /** Marathon's rule, read plainly: the offer against every placed instance of the app. */
    static boolean meets(Constraint c, Offer offer, List<Offer> placed) {
        Optional<String> value = Constraint.fieldValue(c.field(), offer.hostname(), offer.attributes());
        if (value.isEmpty()) {
            return c.operator() == Constraint.Operator.UNLIKE;
        }
        String v = value.get();
        Map<Optional<String>, Integer> groups = new HashMap<>();
        for (Offer p : placed) {
            groups.merge(Constraint.fieldValue(c.field(), p.hostname(), p.attributes()), 1, Integer::sum);
        }
        int here = groups.getOrDefault(Optional.of(v), 0);
        return switch (c.operator()) {
            case UNIQUE -> here == 0;
            case MAX_PER -> here < Integer.parseInt(c.value().orElseThrow());
            case CLUSTER -> c.value().map(v::equals).orElse(true) && here == placed.size();
            case GROUP_BY -> here == 0 || (groups.size() >= Integer.parseInt(c.value().orElse("0"))
                    && here == groups.values().stream().mapToInt(Integer::intValue).min().orElse(0));
            case LIKE -> Pattern.matches(c.value().orElseThrow(), v);
            case UNLIKE -> !Pattern.matches(c.value().orElseThrow(), v);
            case IS -> v.equals(c.value().orElseThrow());
        };
    }

    private static long[] thousandths(Resources r) {
        return new long[] {Math.round(r.cpus() * 1000), Math.round(r.memMb() * 1000), Math.round(r.diskMb() * 1000),
            Math.round(r.gpus() * 1000)};
    }
}
