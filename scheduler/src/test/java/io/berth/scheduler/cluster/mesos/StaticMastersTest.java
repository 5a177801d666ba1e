package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StaticMastersTest {
  private static final URI H1 = URI.create("http://h1:5050");
  private static final URI H2 = URI.create("http://h2:5050");
  private static final URI H3 = URI.create("https://h3:8443");

  private final StaticMasters masters = StaticMasters.parse("http://h1:5050, h2 ,https://h3:8443");

  @Test
  void bareHostsBecomeHttpUrlsOnTheMesosPort() {
    assertThat(masters.masters()).containsExactly(H1, H2, H3);
  }

  @Test
  void keepsOfferingTheMasterThatWorked() {
    assertThat(next(null)).isEqualTo(H1);
    assertThat(next(null)).isEqualTo(H1);
  }

  @Test
  void movesRoundRobinPastEachFailedMaster() {
    assertThat(next(H1)).isEqualTo(H2);
    assertThat(next(H2)).isEqualTo(H3);
    assertThat(next(H3)).isEqualTo(H1);
  }

  @Test
  void aFailureOfAnotherMasterDoesNotMoveOn() {
    assertThat(next(H1)).isEqualTo(H2);
    assertThat(next(URI.create("http://leader-elsewhere:5050"))).isEqualTo(H2);
    assertThat(next(H1)).isEqualTo(H2);
  }

  @Test
  void badEntriesAreNamed() {
    assertThatThrownBy(() -> StaticMasters.parse("http://h1:5050,ftp://h2:21"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ftp://h2:21'");
    assertThatThrownBy(() -> StaticMasters.parse("http://h1:5050/master"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'http://h1:5050/master'");
    assertThatThrownBy(() -> StaticMasters.parse("h1:notaport"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'h1:notaport'");
    assertThatThrownBy(() -> StaticMasters.parse(" , "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Mesos master");
  }

  @Test
  void configValueChoosesTheDetector() {
    assertThat(MasterDetector.fromConfig("h1:5050,h2:5051")).isInstanceOf(StaticMasters.class);
    try (MasterDetector zk = MasterDetector.fromConfig("zk://z1:2181,z2:2181/mesos")) {
      assertThat(zk).isInstanceOf(ZkMasterDetector.class);
    }
    assertThatThrownBy(() -> MasterDetector.fromConfig(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  private URI next(URI failed) {
    return masters.next(failed, Duration.ZERO).orElseThrow();
  }
}
