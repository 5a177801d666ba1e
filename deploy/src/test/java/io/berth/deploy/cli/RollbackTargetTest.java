package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
import io.berth.api.model.VersionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackTargetTest {

  private static final String V1 = "2026-11-26T10:00:00.000Z";
  private static final String V2 = "2026-11-26T11:00:00.000Z";
  private static final String V3 = "2026-11-26T12:00:00.000Z";

  @Test
  void candidatesAreTheVersionsOlderThanTheCurrentNewestFirst() {
    assertThat(RollbackTarget.olderThan(List.of(V3, V2, V1), V3)).containsExactly(V2, V1);
    assertThat(RollbackTarget.olderThan(List.of(V3, V2, V1), V2)).containsExactly(V1);
  }

  @Test
  void theOldestVersionHasNoCandidates() {
    assertThat(RollbackTarget.olderThan(List.of(V1), V1)).isEmpty();
  }

  @Test
  void versionsListedInAnyOrderAreSortedNewestFirst() {
    assertThat(RollbackTarget.olderThan(List.of(V1, V3, V2), "2026-11-26T13:00:00.000Z")).containsExactly(V3, V2, V1);
  }

  @Test
  void definitionsDifferingOnlyInVersionAndStatusAreTheSame() {
    App stored = App.builder().id("/web").cmd("serve").instances(2).version(V1).versionInfo(new VersionInfo(V1, V1)).build();
    App running = stored.toBuilder().version(V2).tasksRunning(2).deployments(List.of(new DeploymentRef("d"))).build();
    assertThat(RollbackTarget.sameDefinition(stored, running)).isTrue();
    assertThat(RollbackTarget.sameDefinition(stored, running.withInstances(3))).isFalse();
  }

  @Test
  void theDefinitionSentBackCarriesNoVersionOrStatus() {
    App stored = App.builder().id("/web").cmd("serve").version(V1).versionInfo(new VersionInfo(V1, V1))
        .tasksRunning(1).build();
    assertThat(RollbackTarget.definition(stored)).isEqualTo(App.builder().id("/web").cmd("serve").build());
  }
}
