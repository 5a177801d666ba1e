package io.berth.scheduler.core.matching;

import java.util.Arrays;

/** A small int-to-count map with open addressing (no boxing). Any int but MIN_VALUE is a key. */
final class IntCounts {
    private static final int EMPTY = Integer.MIN_VALUE;

    private int[] keys = filled(8);
    private int[] values = new int[8];
    private int size;

    int get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return 0;
            }
        }
    }

    /** Adds {@code delta} to the key's count and returns the new count. */
    int add(int key, int delta) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        values[i] += delta;
        return values[i];
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = filled(oldKeys.length * 2);
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, EMPTY);
        return a;
    }
}
