package io.berth.scheduler.core.apps;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.VersionInfo;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AppChangesTest {

  private static final Instant CREATED_AT = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant LATER = Instant.parse("2026-03-01T12:05:00Z");
  private static final String V1 = "2026-03-01T12:00:00.000Z";
  private static final String V2 = "2026-03-01T12:05:00.000Z";

  private final App stored = AppChanges.created(anApp("/team/web").withInstances(2).normalized(), CREATED_AT);

  @Test
  void aNewAppIsScaledAndConfiguredAtItsFirstVersion() {
    assertThat(stored.version()).isEqualTo(V1);
    assertThat(stored.versionInfo()).isEqualTo(new VersionInfo(V1, V1));
  }

  @Nested
  class ScaleOnlyChange {

    private final App scaled = AppChanges.updated(stored, stored.withInstances(5), LATER);

    @Test
    void getsANewVersion() {
      assertThat(scaled.version()).isEqualTo(V2);
      assertThat(scaled.instances()).isEqualTo(5);
    }

    @Test
    void movesLastScalingAtButKeepsLastConfigChangeAt() {
      assertThat(scaled.versionInfo()).isEqualTo(new VersionInfo(V2, V1));
    }

    @Test
    void keepsTheOriginalConfigChangeAcrossSeveralScalings() {
      App again = AppChanges.updated(scaled, scaled.withInstances(1), LATER.plusSeconds(60));
      assertThat(again.versionInfo().lastConfigChangeAt()).isEqualTo(V1);
      assertThat(again.versionInfo().lastScalingAt()).isEqualTo("2026-03-01T12:06:00.000Z");
    }

    @Test
    void countsAsTheSameConfig() {
      assertThat(AppChanges.sameConfig(stored, scaled)).isTrue();
      assertThat(AppChanges.sameDefinition(stored, scaled)).isFalse();
    }
  }

  @Nested
  class ConfigChange {

    private final App changed = AppChanges.updated(stored,
        anApp("/team/web").withInstances(2).withMem(256).normalized(), LATER);

    @Test
    void movesBothStamps() {
      assertThat(changed.version()).isEqualTo(V2);
      assertThat(changed.versionInfo()).isEqualTo(new VersionInfo(V2, V2));
    }

    @Test
    void withAScaleAtTheSameTimeAlsoMovesBothStamps() {
      App both = AppChanges.updated(stored, anApp("/team/web").withInstances(7).withCmd("sleep 5").normalized(),
          LATER);
      assertThat(both.versionInfo()).isEqualTo(new VersionInfo(V2, V2));
    }

    @Test
    void aLabelChangeIsAConfigChange() {
      App labelled = AppChanges.updated(stored,
          anApp("/team/web").withInstances(2).withLabel("tier", "web").normalized(), LATER);
      assertThat(labelled.versionInfo().lastConfigChangeAt()).isEqualTo(V2);
    }

    @Test
    void onAStalledClockIsStillStrictlyLater() {
      App sameInstant = AppChanges.updated(stored, anApp("/team/web").withMem(64).normalized(), CREATED_AT);
      assertThat(sameInstant.version()).isEqualTo("2026-03-01T12:00:00.001Z");
      assertThat(sameInstant.versionInfo().lastConfigChangeAt()).isEqualTo(sameInstant.version());
    }
  }

  @Nested
  class Restart {

    private final App restarted = AppChanges.restarted(stored, LATER);

    @Test
    void makesANewVersionOfTheSameDefinition() {
      assertThat(restarted.version()).isEqualTo(V2);
      assertThat(AppChanges.sameDefinition(stored, restarted)).isTrue();
    }

    @Test
    void countsAsAConfigChangeSoEveryInstanceIsReplacedAsInMarathon() {
      assertThat(restarted.versionInfo()).isEqualTo(new VersionInfo(V2, V2));
    }

    @Test
    void onAStalledClockIsStillStrictlyLater() {
      App again = AppChanges.restarted(restarted, LATER);
      assertThat(again.version()).isEqualTo("2026-03-01T12:05:00.001Z");
    }
  }

  @Test
  void anUnstampedStoredAppIsTreatedAsConfiguredAtItsVersion() {
    App legacy = anApp("/team/web").normalized().withVersion(V1, null);
    App scaled = AppChanges.updated(legacy, legacy.withInstances(3), LATER);
    assertThat(scaled.versionInfo()).isEqualTo(new VersionInfo(V2, V1));
  }
}
