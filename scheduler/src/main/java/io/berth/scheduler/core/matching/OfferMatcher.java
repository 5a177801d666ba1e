package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which waiting instance goes on which offer. Pure: values in, values out, same input gives
 * the same output.
 *
 * <p>Identical waiting instances of an app form a group, placed in order of first appearance. Offers
 * sit in an index bucketed by free amount of the round's scarcest resource, so finding an offer
 * looks at the offers near the demand, not at all offers. Constraints count the app's running
 * instances plus the launches made earlier in the same round. When an instance fits nowhere, the
 * rest of its group waits too, with the reasons counted once over all offers.
 */
public final class OfferMatcher {
    private final PlacementPolicy policy;

    public OfferMatcher(PlacementPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    public OfferMatcher() {
        this(PlacementPolicy.BIN_PACK);
    }

    public PlacementPolicy policy() {
        return policy;
    }

    /**
     * @param offers  the offers to use, each at most once in the list
     * @param waiting instances to place, in priority order
     * @param running instances already placed, for constraints
     * @throws IllegalArgumentException on duplicate offer or instance ids
     */
    public MatchResult match(List<Offer> offers, List<WaitingInstance> waiting, List<RunningInstance> running) {
        requireNonNull(offers, "offers");
        requireNonNull(waiting, "waiting");
        requireNonNull(running, "running");
        Set<String> offerIds = new HashSet<>(offers.size() * 2);
        for (Offer offer : offers) {
            unique(offerIds, offer.id().value(), "offer");
        }
        Set<String> instanceIds = new HashSet<>(waiting.size() * 2);
        for (WaitingInstance instance : waiting) {
            unique(instanceIds, instance.instanceId(), "instance");
        }
        return new MatchRound(policy, offers, running).run(waiting);
    }

    private static void unique(Set<String> seen, String id, String what) {
        if (!seen.add(id)) {
            throw new IllegalArgumentException("duplicate " + what + " id " + id);
        }
    }
}
