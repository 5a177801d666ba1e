package io.berth.scheduler.cluster.local;

import static io.berth.scheduler.cluster.local.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.matching.Resources;
import org.junit.jupiter.api.Test;

class TaskUsageTest {

  @Test
  void countsTheAppsScalarsItsHostPortsAndTheFluentdPort() {
    TaskUsage usage = TaskUsage.of(aTask("web.1").cpus(0.25).mem(64).disk(10).ports(31000, 31001).fluentdOn(31002)
        .build());
    assertThat(usage.resources()).isEqualTo(new Resources(0.25, 64, 10, 0));
    assertThat(usage.ports()).containsExactlyInAnyOrder(31000, 31001, 31002);
  }

  @Test
  void withoutFluentdOnlyTheAppsPortsCount() {
    assertThat(TaskUsage.of(aTask("web.1").ports(31000).build()).ports()).containsExactly(31000);
  }
}
