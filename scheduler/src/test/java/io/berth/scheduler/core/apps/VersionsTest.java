package io.berth.scheduler.core.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VersionsTest {

  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  @Nested
  class Format {

    @Test
    void isIsoUtcWithExactlyThreeFractionDigitsLikeMarathon() {
      assertThat(Versions.format(Instant.parse("2014-03-01T23:42:20.938Z"))).isEqualTo("2014-03-01T23:42:20.938Z");
      assertThat(Versions.format(NOON)).isEqualTo("2026-03-01T12:00:00.000Z");
    }

    @Test
    void truncatesBelowMillisecondsInsteadOfRounding() {
      assertThat(Versions.format(Instant.parse("2026-03-01T12:00:00.999999999Z")))
          .isEqualTo("2026-03-01T12:00:00.999Z");
    }

    @Test
    void parseReadsWhatFormatWrote() {
      Instant t = Instant.parse("2026-03-01T12:34:56.789Z");
      assertThat(Versions.parse(Versions.format(t))).isEqualTo(t);
    }
  }

  @Nested
  class Next {

    @Test
    void aNewAppGetsTheClockTime() {
      assertThat(Versions.next(NOON, null)).isEqualTo("2026-03-01T12:00:00.000Z");
    }

    @Test
    void aLaterClockGivesTheClockTime() {
      String previous = Versions.next(NOON, null);
      assertThat(Versions.next(NOON.plusSeconds(5), previous)).isEqualTo("2026-03-01T12:00:05.000Z");
    }

    @Test
    void aStalledClockStillGivesAStrictlyLaterVersion() {
      String previous = Versions.format(NOON);
      assertThat(Versions.next(NOON, previous)).isEqualTo("2026-03-01T12:00:00.001Z");
    }

    @Test
    void aClockWithinTheSameMillisecondStillGivesAStrictlyLaterVersion() {
      String previous = Versions.format(NOON);
      assertThat(Versions.next(NOON.plusNanos(400_000), previous)).isEqualTo("2026-03-01T12:00:00.001Z");
    }

    @Test
    void aClockThatSteppedBackGivesOneMillisecondAfterThePrevious() {
      String previous = Versions.format(NOON);
      assertThat(Versions.next(NOON.minus(Duration.ofHours(1)), previous)).isEqualTo("2026-03-01T12:00:00.001Z");
    }

    @Test
    void manyChangesOnAFrozenClockSortInTheOrderTheyWereMade() {
      List<String> made = new ArrayList<>();
      String last = null;
      for (int i = 0; i < 1_500; i++) {
        last = Versions.next(NOON, last);
        made.add(last);
      }
      assertThat(made).isSorted().doesNotHaveDuplicates();
      assertThat(made).allMatch(Versions::isValid);
      assertThat(made.get(1_499)).isEqualTo("2026-03-01T12:00:01.499Z");
    }
  }

  @Nested
  class IsValid {

    @Test
    void acceptsWhatThisSchedulerWrites() {
      assertThat(Versions.isValid("2014-03-01T23:42:20.938Z")).isTrue();
      assertThat(Versions.isValid(Versions.next(NOON, null))).isTrue();
    }

    @Test
    void refusesOtherSpellingsOfTheSameInstant() {
      assertThat(Versions.isValid("2014-03-01T23:42:20Z")).isFalse();
      assertThat(Versions.isValid("2014-03-01T23:42:20.9380Z")).isFalse();
      assertThat(Versions.isValid("2014-03-01T23:42:20.938+00:00")).isFalse();
      assertThat(Versions.isValid("2014-03-01 23:42:20.938Z")).isFalse();
    }

    @Test
    void refusesGarbageWithoutThrowing() {
      assertThat(Versions.isValid("latest")).isFalse();
      assertThat(Versions.isValid("")).isFalse();
      assertThat(Versions.isValid("../../apps")).isFalse();
      assertThat(Versions.isValid("2014-13-01T23:42:20.938Z")).isFalse();
      assertThat(Versions.isValid(null)).isFalse();
    }
  }
}
