package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MesosClientSettingsTest {
  private final MesosClientSettings defaults = MesosClientSettings.defaults(Encoding.PROTOBUF);

  @Test
  void defaultsFollowTheSchedulerApiGuide() {
    assertThat(defaults.callTimeout()).isEqualTo(Duration.ofSeconds(75));
    assertThat(defaults.backoffMin()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.backoffMax()).isEqualTo(Duration.ofSeconds(15));
    assertThat(defaults.missedHeartbeats()).isEqualTo(5);
    assertThat(defaults.authorization()).isEmpty();
  }

  @Test
  void basicAuthOnlyWithBothPrincipalAndSecret() {
    assertThat(defaults.withCredentials("berth", "s3cret").authorization()).contains("Basic YmVydGg6czNjcmV0");
    assertThat(defaults.withCredentials("berth", null).authorization()).isEmpty();
    assertThat(defaults.withCredentials(null, "s3cret").authorization()).isEmpty();
  }

  @Test
  void theSecretIsNeverPrinted() {
    assertThat(defaults.withCredentials("berth", "s3cret").toString()).contains("berth").doesNotContain("s3cret");
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> defaults.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageContaining("backoffMax");
    assertThatThrownBy(() -> defaults.withMissedHeartbeats(0)).hasMessageContaining("missedHeartbeats");
    assertThatThrownBy(() -> defaults.withCallTimeout(Duration.ZERO)).hasMessageContaining("callTimeout");
  }
}
