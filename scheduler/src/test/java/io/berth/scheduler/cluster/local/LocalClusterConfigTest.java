package io.berth.scheduler.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.berth.scheduler.core.matching.PortRange;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalClusterConfigTest {

  @Test
  void defaultsComeFromTheMachine() {
    LocalClusterConfig config = LocalClusterConfig.defaults();
    assertThat(config.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.memMb()).isPositive().isEqualTo(MachineResources.memMb() - config.memReserveMb());
    assertThat(config.memReserveMb()).isBetween(0.0, 1024.0);
    assertThat(config.diskMb()).isGreaterThanOrEqualTo(0);
    assertThat(config.ports()).isEqualTo(PortRange.of(31000, 32000));
    assertThat(config.agentId()).isEqualTo("local-" + config.hostname());
    assertThat(config.offerInterval()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void givenValuesWin() {
    LocalClusterConfig config = LocalClusterConfig.of(4, 2048, 500, 20000, 20099, "box");
    assertThat(config.total().cpus()).isEqualTo(4);
    assertThat(config.total().memMb()).isEqualTo(2048);
    assertThat(config.total().diskMb()).isEqualTo(500);
    assertThat(config.ports()).isEqualTo(PortRange.of(20000, 20099));
    assertThat(config.agentId()).isEqualTo("local-box");
  }

  @Test
  void readsFromTheSchedulersYamlWithDefaultsForTheRest() throws Exception {
    String yaml = "cpus: 3\nmemMb: 4096\ndiskMb: 1000\nportsBegin: 20000\nportsEnd: 20010\nhostname: box\n"
        + "offerInterval: PT0.5S\n";
    LocalClusterConfig config = Jackson.newObjectMapper(new YAMLFactory()).readValue(yaml, LocalClusterConfig.class);
    assertThat(config.total().cpus()).isEqualTo(3);
    assertThat(config.ports()).isEqualTo(PortRange.of(20000, 20010));
    assertThat(config.offerInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.agentId()).isEqualTo("local-box");
    assertThat(config.adoptionTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aBackwardsPortRangeIsRefused() {
    assertThatThrownBy(() -> LocalClusterConfig.of(1, 1, 1, 32000, 31000, "box"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
