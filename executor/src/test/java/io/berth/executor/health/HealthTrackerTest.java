package io.berth.executor.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.HealthCheck;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {

  private static final Instant STARTED = Instant.parse("2026-11-26T10:00:00Z");

  private static HealthTracker tracker(int grace, int maxFailures) {
    return new HealthTracker("t1", HealthCheck.http("/").withTiming(grace, 10, 5, maxFailures), STARTED);
  }

  private static Instant at(int seconds) {
    return STARTED.plusSeconds(seconds);
  }

  @Nested
  class DuringGrace {
    @Test
    void failuresBeforeTheFirstSuccessAreIgnored() {
      HealthTracker t = tracker(60, 1);
      HealthDecision d = t.record(ProbeResult.failed("refused"), at(30));
      assertThat(d.result()).isNull();
      assertThat(d.kill()).isFalse();
    }

    @Test
    void failuresAfterTheFirstSuccessCountEvenWithinGrace() {
      HealthTracker t = tracker(60, 1);
      t.record(ProbeResult.healthy(), at(10));
      HealthDecision d = t.record(ProbeResult.failed("HTTP status 500"), at(20));
      assertThat(d.result().alive()).isFalse();
      assertThat(d.kill()).isTrue();
    }
  }

  @Nested
  class AfterGrace {
    @Test
    void killsOnlyAfterMaxConsecutiveFailures() {
      HealthTracker t = tracker(0, 3);
      assertThat(t.record(ProbeResult.failed("a"), at(1)).kill()).isFalse();
      assertThat(t.record(ProbeResult.failed("b"), at(2)).kill()).isFalse();
      HealthDecision third = t.record(ProbeResult.failed("c"), at(3));
      assertThat(third.kill()).isTrue();
      assertThat(third.result().consecutiveFailures()).isEqualTo(3);
      assertThat(third.result().lastFailureCause()).isEqualTo("c");
      assertThat(third.result().lastFailure()).isEqualTo(at(3).toString());
    }

    @Test
    void aSuccessResetsTheCountAndRecordsFirstAndLastSuccess() {
      HealthTracker t = tracker(0, 3);
      t.record(ProbeResult.healthy(), at(1));
      t.record(ProbeResult.failed("x"), at(2));
      HealthDecision d = t.record(ProbeResult.healthy(), at(3));
      assertThat(d.result().alive()).isTrue();
      assertThat(d.result().consecutiveFailures()).isZero();
      assertThat(d.result().firstSuccess()).isEqualTo(at(1).toString());
      assertThat(d.result().lastSuccess()).isEqualTo(at(3).toString());
      assertThat(d.result().taskId()).isEqualTo("t1");
      assertThat(d.changed()).isTrue();
    }

    @Test
    void zeroMaxFailuresNeverKills() {
      HealthTracker t = tracker(0, 0);
      for (int i = 1; i <= 10; i++) {
        assertThat(t.record(ProbeResult.failed("x"), at(i)).kill()).isFalse();
      }
      assertThat(t.current().alive()).isFalse();
    }
  }

  @Test
  void http1xxIsIgnoredOnlyWhenAsked() {
    assertThat(ProbeResult.ofHttpStatus(101, true).outcome()).isEqualTo(ProbeResult.Outcome.IGNORED);
    assertThat(ProbeResult.ofHttpStatus(101, false).outcome()).isEqualTo(ProbeResult.Outcome.FAILED);
    assertThat(ProbeResult.ofHttpStatus(302, false).outcome()).isEqualTo(ProbeResult.Outcome.HEALTHY);
    assertThat(ProbeResult.ofHttpStatus(404, true).outcome()).isEqualTo(ProbeResult.Outcome.FAILED);
    HealthTracker t = tracker(0, 1);
    assertThat(t.record(ProbeResult.ignored("HTTP 100"), at(1)).result()).isNull();
  }

  @Test
  void sensuEventCarriesStatusAndOutput() {
    HealthTracker t = tracker(0, 3);
    String json = SensuEvents.event(SensuEvents.checkName(0, "HTTP"), "/team/web",
        t.record(ProbeResult.failed("HTTP status 503"), at(1)).result(), 10);
    assertThat(json).contains("\"name\":\"berth-health-0-http\"").contains("\"status\":2")
        .contains("HTTP status 503").contains("\"app_id\":\"/team/web\"").contains("\"interval\":10");
  }

  @Test
  void aTaskIsHealthyWhenAllChecksAreAliveUnknownUntilEachHasReported() {
    HealthTracker up = tracker(0, 3);
    HealthTracker down = tracker(0, 3);
    var alive = up.record(ProbeResult.healthy(), at(1)).result();
    var dead = down.record(ProbeResult.failed("x"), at(1)).result();
    assertThat(HealthMonitor.aggregate(java.util.List.of(alive), 2)).isNull();
    assertThat(HealthMonitor.aggregate(java.util.List.of(alive, alive), 2)).isTrue();
    assertThat(HealthMonitor.aggregate(java.util.List.of(dead), 2)).isFalse();
  }
}
