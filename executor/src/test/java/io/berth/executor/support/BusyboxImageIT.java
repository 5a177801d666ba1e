package io.berth.executor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BusyboxImageIT {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void isMadeOnceAndFoundAfterwards() {
    assertThat(BusyboxImage.ensure()).isEqualTo(BusyboxImage.NAME);
    assertThat(BusyboxImage.ensure()).isEqualTo(BusyboxImage.NAME);
  }
}
