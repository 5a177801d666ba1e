package io.berth.scheduler.core.matching;

/**
 * Finds the offer for a group's next instance through the {@link FreeIndex}: bin-packing walks the
 * buckets up from the demand and takes the first fit (the fullest), spreading walks down from the
 * top (the emptiest). A short candidate list from a value-restricting rule is scanned directly.
 */
final class OfferSearch {
    private final PlacementPolicy policy;
    private final OfferTable table;
    private final FreeIndex index;
    private final int key;

    OfferSearch(PlacementPolicy policy, OfferTable table, int key) {
        this.policy = policy;
        this.table = table;
        this.key = key;
        this.index = new FreeIndex(table.free[key]);
    }

    int key() {
        return key;
    }

    /** Call after the offer's free resources changed. */
    void changed(int o) {
        index.update(o);
    }

    /** The offer for the group's next instance, or -1. {@code candidates} may be null (any offer). */
    int find(InstanceGroup group, int[] candidates) {
        if (group.wantsNewValue()) {
            int o = find(group, candidates, true);
            if (o >= 0) {
                return o;
            }
            group.noNewValueFits = true;
        }
        return find(group, candidates, false);
    }

    /** The fullest already used offer, other than {@code excluded}, that fits the group. */
    int fullestUsedFit(InstanceGroup group, int excluded) {
        for (int b = index.nextBucket(index.bucketFor(group.demand.amount[key])); b >= 0; b = index.nextBucket(b + 1)) {
            for (int s = 0, n = index.size(b); s < n; s++) {
                int o = index.member(b, s);
                if (o != excluded && table.launchCount[o] > 0 && fits(group, o, false)) {
                    return o;
                }
            }
        }
        return -1;
    }

    /**
     * A candidate list of r offers costs r checks per instance; the index with the rule as a filter
     * costs about n / r. The list wins below about 2 * sqrt(n).
     */
    private int find(InstanceGroup group, int[] candidates, boolean newValue) {
        if (candidates != null && (long) candidates.length * candidates.length <= 4L * table.size()) {
            return bestOf(group, candidates, newValue);
        }
        return policy == PlacementPolicy.SPREAD ? emptiestFit(group, newValue) : fullestFit(group, newValue);
    }

    private boolean fits(InstanceGroup group, int o, boolean newValue) {
        return table.shortfall(group.demand, o) == 0 && group.accepts(o) && (!newValue || group.isNewValueForAll(o));
    }

    private int fullestFit(InstanceGroup group, boolean newValue) {
        for (int b = index.nextBucket(index.bucketFor(group.demand.amount[key])); b >= 0; b = index.nextBucket(b + 1)) {
            for (int s = 0, n = index.size(b); s < n; s++) {
                int o = index.member(b, s);
                if (fits(group, o, newValue)) {
                    return o;
                }
            }
        }
        return -1;
    }

    private int emptiestFit(InstanceGroup group, boolean newValue) {
        int lowest = index.bucketFor(group.demand.amount[key]);
        for (int b = index.previousBucket(index.buckets() - 1); b >= lowest; b = index.previousBucket(b - 1)) {
            for (int s = 0, n = index.size(b); s < n; s++) {
                int o = index.member(b, s);
                if (fits(group, o, newValue)) {
                    return o;
                }
            }
        }
        return -1;
    }

    private int bestOf(InstanceGroup group, int[] candidates, boolean newValue) {
        int best = -1;
        long[] free = table.free[key];
        for (int o : candidates) {
            if (fits(group, o, newValue)
                    && (best < 0 || (policy == PlacementPolicy.SPREAD ? free[o] > free[best] : free[o] < free[best]))) {
                best = o;
            }
        }
        return best;
    }
}
