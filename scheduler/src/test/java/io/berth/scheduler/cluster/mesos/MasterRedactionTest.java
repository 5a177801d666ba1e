package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterRedactionTest {

  @Test
  void credentialsInTheMasterSettingAreHidden() {
    assertThat(MasterDetector.redact("zk://berth:s3cret@zk1:2181,zk2:2181/mesos"))
        .isEqualTo("zk://***@zk1:2181,zk2:2181/mesos");
    assertThat(MasterDetector.redact("http://ops:pw@m1:5050,http://m2:5050"))
        .isEqualTo("http://***@m1:5050,http://m2:5050");
  }

  @Test
  void aSettingWithoutCredentialsIsKept() {
    assertThat(MasterDetector.redact("http://m1:5050,http://m2:5050")).isEqualTo("http://m1:5050,http://m2:5050");
    assertThat(MasterDetector.redact("zk://zk1:2181/mesos")).isEqualTo("zk://zk1:2181/mesos");
  }
}
