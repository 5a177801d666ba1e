package io.berth.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreateRequestTest {

  @Test
  void cpusBecomeRelativeSharesAsMesosDockerContainerizerDoes() {
    assertThat(CreateRequest.cpuShares(1_000_000_000L)).isEqualTo(1024);
    assertThat(CreateRequest.cpuShares(100_000_000L)).isEqualTo(102);
  }

  @Test
  void tinyCpusStillGetTheKernelMinimumOfTwoShares() {
    assertThat(CreateRequest.cpuShares(1_000_000L)).isEqualTo(2);
  }

  @Test
  void noCpusLeaveTheDaemonDefault() {
    assertThat(CreateRequest.cpuShares(0)).isNull();
  }
}
