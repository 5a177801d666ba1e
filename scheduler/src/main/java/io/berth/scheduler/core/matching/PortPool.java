package io.berth.scheduler.core.matching;

import java.util.Arrays;
import java.util.List;

/**
 * The free ports of one role of one offer during a round: sorted, disjoint, inclusive ranges.
 * Mutable and private to one round.
 */
final class PortPool {
    private int[] begins;
    private int[] ends;
    private int ranges;
    private int free;

    PortPool(List<PortRange> offered) {
        int n = offered.size();
        int[][] pairs = new int[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new int[] {offered.get(i).begin(), offered.get(i).end()};
        }
        Arrays.sort(pairs, (a, b) -> Integer.compare(a[0], b[0]));
        begins = new int[Math.max(1, n)];
        ends = new int[Math.max(1, n)];
        for (int[] p : pairs) {
            if (ranges > 0 && p[0] <= ends[ranges - 1] + 1) {
                int before = ends[ranges - 1];
                ends[ranges - 1] = Math.max(before, p[1]);
                free += ends[ranges - 1] - before;
            } else {
                begins[ranges] = p[0];
                ends[ranges] = p[1];
                ranges++;
                free += p[1] - p[0] + 1;
            }
        }
    }

    int free() {
        return free;
    }

    boolean contains(int port) {
        int i = rangeOf(port);
        return i >= 0;
    }

    /** Takes one given port, which must be free here. */
    void take(int port) {
        int i = rangeOf(port);
        if (i < 0) {
            throw new IllegalStateException("port " + port + " is not free");
        }
        free--;
        if (begins[i] == ends[i]) {
            System.arraycopy(begins, i + 1, begins, i, ranges - i - 1);
            System.arraycopy(ends, i + 1, ends, i, ranges - i - 1);
            ranges--;
        } else if (port == begins[i]) {
            begins[i]++;
        } else if (port == ends[i]) {
            ends[i]--;
        } else {
            if (ranges == begins.length) {
                begins = Arrays.copyOf(begins, ranges * 2);
                ends = Arrays.copyOf(ends, ranges * 2);
            }
            System.arraycopy(begins, i + 1, begins, i + 2, ranges - i - 1);
            System.arraycopy(ends, i + 1, ends, i + 2, ranges - i - 1);
            begins[i + 1] = port + 1;
            ends[i + 1] = ends[i];
            ends[i] = port - 1;
            ranges++;
        }
    }

    /** Gives a taken port back. */
    void give(int port) {
        if (rangeOf(port) >= 0) {
            throw new IllegalStateException("port " + port + " is already free");
        }
        int i = 0;
        while (i < ranges && begins[i] < port) {
            i++;
        }
        boolean joinsLeft = i > 0 && ends[i - 1] == port - 1;
        boolean joinsRight = i < ranges && begins[i] == port + 1;
        free++;
        if (joinsLeft && joinsRight) {
            ends[i - 1] = ends[i];
            System.arraycopy(begins, i + 1, begins, i, ranges - i - 1);
            System.arraycopy(ends, i + 1, ends, i, ranges - i - 1);
            ranges--;
        } else if (joinsLeft) {
            ends[i - 1] = port;
        } else if (joinsRight) {
            begins[i] = port;
        } else {
            if (ranges == begins.length) {
                begins = Arrays.copyOf(begins, ranges * 2);
                ends = Arrays.copyOf(ends, ranges * 2);
            }
            System.arraycopy(begins, i, begins, i + 1, ranges - i);
            System.arraycopy(ends, i, ends, i + 1, ranges - i);
            begins[i] = port;
            ends[i] = port;
            ranges++;
        }
    }

    /** Takes the {@code count} lowest free ports into {@code out} from {@code at}; returns how many. */
    int takeLowest(int count, int[] out, int at) {
        int taken = 0;
        while (taken < count && ranges > 0) {
            out[at + taken++] = begins[0];
            free--;
            if (begins[0] == ends[0]) {
                System.arraycopy(begins, 1, begins, 0, ranges - 1);
                System.arraycopy(ends, 1, ends, 0, ranges - 1);
                ranges--;
            } else {
                begins[0]++;
            }
        }
        return taken;
    }

    private int rangeOf(int port) {
        int lo = 0;
        int hi = ranges - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < port) {
                lo = mid + 1;
            } else if (begins[mid] > port) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
