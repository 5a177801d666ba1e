package io.berth.scheduler.core.instances;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceCountsTest {

  @Test
  void countsLikeMarathon() {
    List<Instance> instances = List.of(
        anInstance().scheduled().build(),
        anInstance().provisioned().build(),
        anInstance().staging().build(),
        anInstance().in(InstanceState.STARTING).build(),
        anInstance().running().healthy().build(),
        anInstance().running().unhealthy().build(),
        anInstance().running().build(),
        anInstance().killing().decommissioned().build(),
        anInstance().unreachable().build(),
        anInstance().in(InstanceState.FAILED).build());

    assertThat(InstanceCounts.of(instances)).isEqualTo(new InstanceCounts(3, 3, 1, 1));
  }

  @Test
  void noInstancesNoCounts() {
    assertThat(InstanceCounts.of(List.of())).isEqualTo(InstanceCounts.NONE);
  }
}
