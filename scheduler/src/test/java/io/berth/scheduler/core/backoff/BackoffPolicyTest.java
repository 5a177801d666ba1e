package io.berth.scheduler.core.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.App;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String APP = "/team/web";
  private final BackoffPolicy policy = BackoffPolicy.DEFAULT;
  private final BackoffConfig doubling =
      new BackoffConfig(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));

  /** {@code n} failures in a row, one second apart, of instances that never started. */
  private LaunchDelay afterFailures(int n) {
    LaunchDelay delay = LaunchDelay.none(APP);
    for (int k = 0; k < n; k++) {
      delay = policy.onFailure(delay, doubling, null, T0.plusSeconds(k));
    }
    return delay;
  }

  @Nested
  class Growth {
    @Test
    void theFirstFailureWaitsBackoffSeconds() {
      LaunchDelay delay = afterFailures(1);
      assertThat(delay.failures()).isEqualTo(1);
      assertThat(delay.until()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void eachFailureMultipliesTheDelayByTheFactor() {
      assertThat(doubling.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
      assertThat(doubling.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
      LaunchDelay delay = afterFailures(3);
      assertThat(delay.until()).isEqualTo(T0.plusSeconds(2).plusSeconds(8));
    }

    @Test
    void theDelayIsCappedAtMaxLaunchDelay() {
      assertThat(doubling.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
      assertThat(doubling.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(60));
      LaunchDelay delay = afterFailures(12);
      assertThat(Duration.between(delay.lastFailureAt(), delay.until())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void marathonDefaultsGrowByFifteenPercent() {
      BackoffConfig config = BackoffConfig.of(App.builder().id("/web").build());
      assertThat(config).isEqualTo(BackoffConfig.DEFAULT);
      assertThat(config.delayAfter(2)).isEqualTo(Duration.ofMillis(1150));
      assertThat(config.delayAfter(100)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void readsTheAppsSettings() {
      App app = App.builder().id("/web").backoffSeconds(5).backoffFactor(3.0).maxLaunchDelaySeconds(100).build();
      assertThat(BackoffConfig.of(app)).isEqualTo(
          new BackoffConfig(Duration.ofSeconds(5), 3.0, Duration.ofSeconds(100)));
    }

    @Test
    void aFactorBelowOneIsRefused() {
      assertThatThrownBy(() -> new BackoffConfig(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(10)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Reset {
    @Test
    void aHealthyInstanceClearsTheDelay() {
      LaunchDelay delay = policy.onHealthy(afterFailures(4));
      assertThat(delay).isEqualTo(LaunchDelay.none(APP));
      assertThat(policy.mayLaunch(delay, T0)).isTrue();
    }

    @Test
    void aConfigChangeClearsTheDelay() {
      assertThat(policy.onConfigChange(afterFailures(4))).isEqualTo(LaunchDelay.none(APP));
    }

    @Test
    void aCrashAfterAStableRunCountsAsTheFirstFailure() {
      LaunchDelay before = afterFailures(4);
      Instant started = before.until();
      Instant crash = started.plus(Duration.ofMinutes(5));
      LaunchDelay after = policy.onFailure(before, doubling, started, crash);
      assertThat(after.failures()).isEqualTo(1);
      assertThat(after.until()).isEqualTo(crash.plusSeconds(2));
    }

    @Test
    void aCrashAfterAShortRunKeepsGrowing() {
      LaunchDelay before = afterFailures(4);
      Instant started = before.until();
      LaunchDelay after = policy.onFailure(before, doubling, started, started.plusSeconds(30));
      assertThat(after.failures()).isEqualTo(5);
    }

    @Test
    void aDelayOverForMaxLaunchDelayIsForgotten() {
      LaunchDelay delay = afterFailures(3);
      assertThat(policy.canForget(delay, doubling, delay.until().plusSeconds(59))).isFalse();
      assertThat(policy.canForget(delay, doubling, delay.until().plusSeconds(60))).isTrue();
      LaunchDelay next = policy.onFailure(delay, doubling, null, delay.until().plusSeconds(60));
      assertThat(next.failures()).isEqualTo(1);
    }
  }

  @Nested
  class Waiting {
    @Test
    void launchesWaitUntilTheDelayIsOver() {
      LaunchDelay delay = afterFailures(1);
      assertThat(policy.mayLaunch(delay, T0.plusMillis(1999))).isFalse();
      assertThat(policy.mayLaunch(delay, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void timeLeftIsRoundedUpAndOverdueOnceOver() {
      LaunchDelay delay = afterFailures(1);
      assertThat(delay.timeLeftSeconds(T0.plusMillis(500))).isEqualTo(2);
      assertThat(delay.overdue(T0.plusMillis(500))).isFalse();
      assertThat(delay.timeLeftSeconds(T0.plusSeconds(3))).isZero();
      assertThat(delay.overdue(T0.plusSeconds(3))).isTrue();
    }
  }
}
