package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small formats: deployment report, version listing, columns, JSON. */
class FormatsTest {

  @Test
  void aDeploymentReportIsGreppableKeyValueLines() {
    assertThat(DeploymentReport.lines("/team/web", new DeploymentResult("d-1", "2026-11-26T15:00:00.000Z")))
        .containsExactly("app: /team/web", "deploymentId: d-1", "version: 2026-11-26T15:00:00.000Z");
  }

  @Test
  void aReportWithoutAnswerFieldsShowsDashes() {
    assertThat(DeploymentReport.lines("/x", new DeploymentResult(null, ""))).containsExactly(
        "app: /x", "deploymentId: -", "version: -");
  }

  @Test
  void versionsMarkTheCurrentOne() {
    assertThat(VersionListing.render(List.of("v3", "v2", "v1"), "v3")).containsExactly("v3  (current)", "v2", "v1");
  }

  @Test
  void columnsPadAllButTheLast() {
    assertThat(Columns.align(List.of(List.of("a", "bb", "c"), List.of("ccc", "d", "eeee"))))
        .containsExactly("a    bb  c", "ccc  d   eeee");
  }

  @Test
  void prettyJsonLeavesOutNulls() {
    String json = Json.pretty(App.builder().id("/a").instances(2).build());
    assertThat(json).contains("\"id\" : \"/a\"").contains("\"instances\" : 2").doesNotContain("null");
    assertThat(json.lines().count()).isGreaterThan(2);
  }
}
