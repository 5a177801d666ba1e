package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MasterUrlsTest {
  private static final URI ASKED = URI.create("http://standby:5050/api/v1/scheduler");

  @Test
  void protocolRelativeLocationKeepsTheSchemeWeUsed() {
    assertThat(MasterUrls.resolveLocation(ASKED, "//leader:5050/api/v1/scheduler"))
        .isEqualTo(URI.create("http://leader:5050/api/v1/scheduler"));
    assertThat(MasterUrls.resolveLocation(URI.create("https://standby:5050/api/v1/scheduler"),
        "//leader:5050/master/api/v1/scheduler"))
        .isEqualTo(URI.create("https://leader:5050/master/api/v1/scheduler"));
  }

  @Test
  void bareHostPortLocationGetsOurSchemeAndPath() {
    assertThat(MasterUrls.resolveLocation(ASKED, "leader:5050"))
        .isEqualTo(URI.create("http://leader:5050/api/v1/scheduler"));
  }

  @Test
  void absoluteLocationIsTakenAsItIs() {
    assertThat(MasterUrls.resolveLocation(ASKED, "https://leader:5050/api/v1/scheduler"))
        .isEqualTo(URI.create("https://leader:5050/api/v1/scheduler"));
  }

  @Test
  void missingOrHostlessLocationIsAnError() {
    assertThatThrownBy(() -> MasterUrls.resolveLocation(ASKED, null)).isInstanceOf(MesosCallException.class);
    assertThatThrownBy(() -> MasterUrls.resolveLocation(ASKED, "///api/v1/scheduler"))
        .isInstanceOf(MesosCallException.class);
  }

  @Test
  void endpointAndMasterAreEachOthersInverse() {
    URI master = URI.create("http://10.0.0.1:5050");
    assertThat(MasterUrls.endpoint(master)).isEqualTo(URI.create("http://10.0.0.1:5050/api/v1/scheduler"));
    assertThat(MasterUrls.masterOf(MasterUrls.endpoint(master))).isEqualTo(master);
  }

  @Test
  void normaliseAddsSchemeAndPort() {
    assertThat(MasterUrls.normalise("h1")).isEqualTo(URI.create("http://h1:5050"));
    assertThat(MasterUrls.normalise("HTTP://h1:80/")).isEqualTo(URI.create("http://h1:80"));
    assertThat(MasterUrls.normalise("[::1]:5050")).isEqualTo(URI.create("http://[::1]:5050"));
    assertThatThrownBy(() -> MasterUrls.normalise("http://user:pw@h1:5050"))
        .hasMessageContaining("'http://user:pw@h1:5050'");
  }
}
