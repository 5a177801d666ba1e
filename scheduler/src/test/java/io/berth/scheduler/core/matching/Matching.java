package io.berth.scheduler.core.matching;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small verbs for matcher tests. */
final class Matching {
    private Matching() {
    }

    static MatchResult binPack(List<Offer> offers, List<WaitingInstance> waiting) {
        return new OfferMatcher(PlacementPolicy.BIN_PACK).match(offers, waiting, List.of());
    }

    static MatchResult binPack(List<Offer> offers, List<WaitingInstance> waiting, List<RunningInstance> running) {
        return new OfferMatcher(PlacementPolicy.BIN_PACK).match(offers, waiting, running);
    }

    static MatchResult spread(List<Offer> offers, List<WaitingInstance> waiting) {
        return new OfferMatcher(PlacementPolicy.SPREAD).match(offers, waiting, List.of());
    }

    /** Instance id to the hostname it was launched on. */
    static Map<String, String> hostsOf(MatchResult result) {
        return result.launches().stream().collect(Collectors.toMap(Launch::instanceId, Launch::hostname));
    }

    static Launch launchOf(MatchResult result, String instanceId) {
        return result.launches().stream().filter(l -> l.instanceId().equals(instanceId)).findFirst()
                .orElseThrow(() -> new AssertionError(instanceId + " was not launched: " + result));
    }

    static RunningInstance runningOn(String app, Offer offer) {
        return new RunningInstance(app, offer.agentId(), offer.hostname(), offer.attributes());
    }
}
