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

    /** Undoes one {@link #add}; the smallest group is searched again when it may have changed. */
    void remove(int value) {
        int before = byValue.get(value);
        if (before == 0) {
            throw new IllegalStateException("no instance counted on value " + value);
        }
        byValue.add(value, -1);
        total--;
        groupsWithCount.add(before, -1);
        if (before == 1) {
            groups--;
            if (value >= 0 && value < offeredValues) {
                offeredValuesUsed--;
            }
        } else {
            groupsWithCount.add(before - 1, 1);
        }
        if (groups == 0) {
            minCount = 0;
        } else if (before - 1 > 0 && before - 1 < minCount) {
            minCount = before - 1;
        } else if (before == minCount && groupsWithCount.get(before) == 0) {
            int c = before + 1;
            while (groupsWithCount.get(c) == 0) {
                c++;
            }
            minCount = c;
        }
    }

    /** The value every placed instance shares, {@link Integer#MIN_VALUE} if none is placed or they differ. */
    int sharedValue() {
        return total > 0 && byValue.get(anyValue) == total ? anyValue : Integer.MIN_VALUE;
    }
}
