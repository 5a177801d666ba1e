package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one matching round: launches in decision order, every instance left waiting with
 * its reasons, and the offers no launch used (to decline).
 */
public record MatchResult(List<Launch> launches, List<Unplaced> unplaced, List<OfferId> unusedOffers) {
    public MatchResult {
        launches = List.copyOf(launches);
        unplaced = List.copyOf(unplaced);
        unusedOffers = List.copyOf(unusedOffers);
    }

    /** Every instance's decision: the launches, then the instances left waiting. */
    public List<Decision> decisions() {
        List<Decision> all = new ArrayList<>(launches.size() + unplaced.size());
        all.addAll(launches);
        all.addAll(unplaced);
        return all;
    }
}
