package io.berth.scheduler.cluster.local;

import io.berth.scheduler.core.matching.PortRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/** Port sets as offers carry them: sorted, disjoint, inclusive ranges. */
final class PortRanges {

  private PortRanges() {}

  /** The ports of {@code range} that are not {@code used}, as ranges. */
  static List<PortRange> free(PortRange range, Collection<Integer> used) {
    BitSet free = new BitSet();
    free.set(range.begin(), range.end() + 1);
    used.forEach(p -> {
      if (p >= range.begin() && p <= range.end()) {
        free.clear(p);
      }
    });
    return ranges(free);
  }

  static BitSet bits(List<PortRange> ranges) {
    BitSet bits = new BitSet();
    ranges.forEach(r -> bits.set(r.begin(), r.end() + 1));
    return bits;
  }

  static List<PortRange> ranges(BitSet bits) {
    List<PortRange> out = new ArrayList<>();
    for (int begin = bits.nextSetBit(1); begin > 0; begin = bits.nextSetBit(begin)) {
      int end = bits.nextClearBit(begin) - 1;
      out.add(PortRange.of(begin, end));
      begin = end + 1;
    }
    return out;
  }
}
