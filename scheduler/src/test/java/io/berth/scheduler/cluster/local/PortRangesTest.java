package io.berth.scheduler.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.matching.PortRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortRangesTest {

  @Test
  void usedPortsSplitTheRange() {
    assertThat(PortRanges.free(PortRange.of(31000, 31010), Set.of(31000, 31004, 31005, 31010, 40000)))
        .containsExactly(PortRange.of(31001, 31003), PortRange.of(31006, 31009));
  }

  @Test
  void aFullyUsedRangeLeavesNothing() {
    assertThat(PortRanges.free(PortRange.of(31000, 31001), List.of(31000, 31001))).isEmpty();
  }

  @Test
  void theWholeRangeWhenNothingIsUsed() {
    assertThat(PortRanges.free(PortRange.of(1, 65535), List.of())).containsExactly(PortRange.of(1, 65535));
  }
}
