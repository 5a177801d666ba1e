package io.berth.scheduler.core.matching;

import java.util.Arrays;

/**
 * Offers bucketed by their free amount of one key resource (the round's scarcest), so a search
 * starts at the first bucket that can hold the demand instead of looking at every offer. Buckets
 * are {@code width} thousandths wide; a bit set marks the non-empty ones. Update cost O(1), search
 * cost proportional to the offers it has to look at.
 */
final class FreeIndex {
    private static final int BUCKETS = 2048;

    private final long[] keyFree;
    private final long width;
    private final int[][] members = new int[BUCKETS][];
    private final int[] sizes = new int[BUCKETS];
    private final long[] nonEmpty = new long[BUCKETS / 64];
    private final int[] bucketOf;
    private final int[] slotOf;

    FreeIndex(long[] keyFree) {
        this.keyFree = keyFree;
        long max = 0;
        for (long f : keyFree) {
            max = Math.max(max, f);
        }
        width = Math.max(1, (max + BUCKETS) / BUCKETS);
        bucketOf = new int[keyFree.length];
        slotOf = new int[keyFree.length];
        for (int o = 0; o < keyFree.length; o++) {
            add(o);
        }
    }

    /** The bucket holding offers with {@code amount} free; every later bucket holds more. */
    int bucketFor(long amount) {
        long b = amount / width;
        return b >= BUCKETS ? BUCKETS : (int) b;
    }

    int buckets() {
        return BUCKETS;
    }

    int size(int bucket) {
        return sizes[bucket];
    }

    int member(int bucket, int slot) {
        return members[bucket][slot];
    }

    /** The first non-empty bucket at or above {@code from}, or -1. */
    int nextBucket(int from) {
        if (from >= BUCKETS) {
            return -1;
        }
        int w = from >>> 6;
        long word = nonEmpty[w] & (-1L << (from & 63));
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == nonEmpty.length) {
                return -1;
            }
            word = nonEmpty[w];
        }
    }

    /** The last non-empty bucket at or below {@code from}, or -1. */
    int previousBucket(int from) {
        if (from < 0) {
            return -1;
        }
        int w = from >>> 6;
        long word = nonEmpty[w] & (-1L >>> (63 - (from & 63)));
        while (true) {
            if (word != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(word);
            }
            if (--w < 0) {
                return -1;
            }
            word = nonEmpty[w];
        }
    }

    /** Call after the offer's key resource changed. */
    void update(int o) {
        if (bucketFor(keyFree[o]) != bucketOf[o]) {
            remove(o);
            add(o);
        }
    }

    private void add(int o) {
        int b = Math.min(BUCKETS - 1, bucketFor(keyFree[o]));
        int[] list = members[b];
        if (list == null) {
            list = new int[8];
            members[b] = list;
        } else if (sizes[b] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            members[b] = list;
        }
        list[sizes[b]] = o;
        slotOf[o] = sizes[b]++;
        bucketOf[o] = b;
        nonEmpty[b >>> 6] |= 1L << (b & 63);
    }

    private void remove(int o) {
        int b = bucketOf[o];
        int slot = slotOf[o];
        int last = members[b][--sizes[b]];
        members[b][slot] = last;
        slotOf[last] = slot;
        if (sizes[b] == 0) {
            nonEmpty[b >>> 6] &= ~(1L << (b & 63));
        }
    }
}
