package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MasterInfoJsonTest {

  @Test
  void addressHostnameComesFirst() {
    assertThat(url("""
        {"id":"m1","ip":16842879,"port":5050,"hostname":"master-1",\
        "address":{"hostname":"master-1.example.com","ip":"127.0.1.1","port":5051}}"""))
        .isEqualTo(URI.create("http://master-1.example.com:5051"));
  }

  @Test
  void topLevelHostnameAndPortWithoutAddress() {
    assertThat(url("{\"id\":\"m1\",\"ip\":16842879,\"port\":5050,\"hostname\":\"master-1\"}"))
        .isEqualTo(URI.create("http://master-1:5050"));
  }

  @Test
  void uint32IpIsReadLowByteFirst() {
    assertThat(url("{\"id\":\"m1\",\"ip\":16842879,\"port\":5050}")).isEqualTo(URI.create("http://127.0.1.1:5050"));
    assertThat(MasterInfoJson.ipv4(0x0B00000AL)).isEqualTo("10.0.0.11");
  }

  @Test
  void addressIpWhenNoHostname() {
    assertThat(url("{\"id\":\"m1\",\"ip\":1,\"port\":5050,\"address\":{\"ip\":\"10.1.2.3\",\"port\":5050}}"))
        .isEqualTo(URI.create("http://10.1.2.3:5050"));
  }

  @Test
  void dataNamingNoMasterIsRefused() {
    assertThatThrownBy(() -> url("not json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> url("{\"id\":\"m1\",\"port\":5050}")).hasMessageContaining("no hostname or ip");
    assertThatThrownBy(() -> url("{\"hostname\":\"m\"}")).hasMessageContaining("no valid port");
  }

  @Test
  void onlyJsonInfoNodesHaveASequence() {
    assertThat(MasterInfoJson.sequence("json.info_0000000042")).contains(42L);
    assertThat(MasterInfoJson.sequence("info_0000000001")).isEmpty();
    assertThat(MasterInfoJson.sequence("log_replicas")).isEmpty();
    assertThat(MasterInfoJson.sequence("json.info_42")).isEmpty();
  }

  private static URI url(String json) {
    return MasterInfoJson.masterUrl(json.getBytes(StandardCharsets.UTF_8));
  }
}
