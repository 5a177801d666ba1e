package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration MIN = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofSeconds(15);

  @Test
  void doublesFromMinWithoutJitter() {
    assertThat(delay(0, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(delay(1, 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(delay(3, 0.5)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void isCappedAtMaxEvenAfterVeryManyFailures() {
    assertThat(delay(4, 0.5)).isEqualTo(MAX);
    assertThat(delay(1000, 0.99)).isEqualTo(MAX);
  }

  @Test
  void jitterSpreadsADelayButStaysWithinMinAndMax() {
    assertThat(delay(2, 0.0)).isEqualTo(Duration.ofMillis(3200));
    assertThat(delay(2, 0.999)).isBetween(Duration.ofMillis(4790), Duration.ofMillis(4800));
    assertThat(delay(0, 0.0)).isEqualTo(MIN);
    assertThat(delay(4, 0.0)).isEqualTo(Duration.ofSeconds(12));
    assertThat(delay(4, 0.999)).isEqualTo(MAX);
  }

  @Test
  void resetStartsOverFromMin() {
    Backoff backoff = new Backoff(MIN, MAX, () -> 0.5);
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
  }

  private static Duration delay(int failures, double random) {
    return Backoff.delay(MIN, MAX, failures, random);
  }
}
