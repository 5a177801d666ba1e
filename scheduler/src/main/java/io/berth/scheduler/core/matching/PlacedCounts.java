package io.berth.scheduler.core.matching;

/**
 * How many instances of one app sit on each value of one field, including those launched earlier
 * in this round: what UNIQUE, MAX_PER, CLUSTER and GROUP_BY look at. Instances on agents without the
 * field count under {@link FieldValues#MISSING}, as Marathon groups them.
 */
final class PlacedCounts {
    private final IntCounts byValue = new IntCounts();
    private final IntCounts groupsWithCount = new IntCounts();
    private int total;
    private int groups;
    private int minCount;
    private int anyValue;
    private final int offeredValues;
    private int offeredValuesUsed;

    /** @param offeredValues values with ids below this are on some offer of the round */
    PlacedCounts(int offeredValues) {
        this.offeredValues = offeredValues;
    }

    /** Whether some value on an offer has no instance of the app yet. */
    boolean hasUnusedOfferedValue() {
        return offeredValuesUsed < offeredValues;
    }

    int count(int value) {
        return byValue.get(value);
    }

    int total() {
        return total;
    }

    int groups() {
        return groups;
    }

    /** The count of the smallest group, 0 when nothing is placed. */
    int minCount() {
        return minCount;
    }

    void add(int value) {
        int now = byValue.add(value, 1);
        total++;
        anyValue = value;
        if (now == 1) {
            groups++;
            if (value >= 0 && value < offeredValues) {
                offeredValuesUsed++;
            }
            minCount = 1;
        } else {
            int before = now - 1;
            int left = groupsWithCount.add(before, -1);
            if (before == minCount && left == 0) {
                minCount = now;
            }
        }
        groupsWithCount.add(now, 1);
    }

    /** The value every placed instance shares, {@link Integer#MIN_VALUE} if none is placed or they differ. */
    int sharedValue() {
        return total > 0 && byValue.get(anyValue) == total ? anyValue : Integer.MIN_VALUE;
    }
}
