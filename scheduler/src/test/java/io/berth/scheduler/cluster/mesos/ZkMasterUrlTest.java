package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZkMasterUrlTest {

  @Test
  void ensembleAndPath() {
    assertThat(ZkMasterUrl.parse("zk://z1:2181,z2:2181/mesos"))
        .isEqualTo(new ZkMasterUrl("z1:2181,z2:2181", "/mesos", Optional.empty()));
    assertThat(ZkMasterUrl.parse("zk://z1:2181/a/b/").path()).isEqualTo("/a/b");
  }

  @Test
  void userInfoIsDigestCredentialsAndNeverShown() {
    ZkMasterUrl url = ZkMasterUrl.parse("zk://berth:s3cret@z1:2181,z2:2181/mesos");
    assertThat(url.digest()).contains("berth:s3cret");
    assertThat(url.connectString()).isEqualTo("z1:2181,z2:2181");
    assertThat(url.toString()).isEqualTo("zk://berth:***@z1:2181,z2:2181/mesos");
  }

  @Test
  void badUrlsAreExplainedWithoutThePassword() {
    assertThatThrownBy(() -> ZkMasterUrl.parse("zk://z1:2181")).hasMessageContaining("path");
    assertThatThrownBy(() -> ZkMasterUrl.parse("zk://z1:2181,/mesos")).hasMessageContaining("not a host:port");
    assertThatThrownBy(() -> ZkMasterUrl.parse("zk://u:pw@z1:x/mesos"))
        .hasMessageContaining("not a host:port").hasMessageNotContaining("pw");
    assertThatThrownBy(() -> ZkMasterUrl.parse("zk://nopassword@z1:2181/mesos")).hasMessageContaining("user:password");
  }
}
