package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import org.junit.jupiter.api.Test;

/** {@code apps}, {@code app show}, {@code app versions}, {@code scale}, {@code restart}, {@code delete}. */
class AppCommandsTest {

  private final FakeBerthClient server = new FakeBerthClient()
      .with(App.builder().id("/team/web").cmd("serve").instances(2).build())
      .with(App.builder().id("/worker").cmd("work").instances(1).build());
  private final BerthCli cli = new BerthCli(c -> server, new FakeTicker());

  @Test
  void appsPrintsATable() {
    CliRun run = CliRun.of(cli, "apps");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "ID         INSTANCES  RUNNING  HEALTHY  VERSION",
        "/team/web  2          2        -        2026-01-01T00:00:01.000Z",
        "/worker    1          1        -        2026-01-01T00:00:02.000Z");
  }

  @Test
  void appsPassesItsFilters() {
    CliRun run = CliRun.of(cli, "apps", "--id", "team", "--label", "role==web");
    assertThat(run.out().lines()).hasSize(2);
    assertThat(server.calls).containsExactly("GET apps id=team label=role==web");
  }

  @Test
  void appShowPrintsJson() {
    CliRun run = CliRun.of(cli, "app", "show", "/team/web");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"id\" : \"/team/web\"", "\"cmd\" : \"serve\"", "\"tasksRunning\" : 2");
  }

  @Test
  void anUnknownAppExitsOneWithTheServersMessage() {
    CliRun run = CliRun.of(cli, "app", "show", "/nope");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("Error: HTTP 404: App '/nope' does not exist");
  }

  @Test
  void appVersionsMarksTheCurrentOne() {
    CliRun.of(cli, "scale", "/team/web", "3");
    CliRun run = CliRun.of(cli, "app", "versions", "/team/web");
    assertThat(run.out().lines()).containsExactly("2026-01-01T00:00:03.000Z  (current)", "2026-01-01T00:00:01.000Z");
  }

  @Test
  void scaleChangesOnlyInstances() {
    CliRun run = CliRun.of(cli, "scale", "/team/web", "5");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly("app: /team/web", "deploymentId: deployment-3",
        "version: 2026-01-01T00:00:03.000Z");
    assertThat(server.calls).containsExactly("PUT /team/web force=false partialUpdate=true");
    assertThat(server.apps.get("/team/web").instances()).isEqualTo(5);
    assertThat(server.apps.get("/team/web").cmd()).isEqualTo("serve");
  }

  @Test
  void scaleDoesNotCreateAnUnknownApp() {
    CliRun run = CliRun.of(cli, "scale", "/nope", "2");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("HTTP 404: App '/nope' does not exist");
    assertThat(server.calls).isEmpty();
    assertThat(server.apps).doesNotContainKey("/nope");
  }

  @Test
  void scaleToZeroAndWait() {
    CliRun run = CliRun.of(cli, "scale", "/worker", "0", "--wait", "--force");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Ready: /worker: 0/0 running");
    assertThat(server.calls).containsExactly("PUT /worker force=true partialUpdate=true");
  }

  @Test
  void restartAndDelete() {
    assertThat(CliRun.of(cli, "restart", "/team/web").out()).contains("deploymentId: deployment-3");
    CliRun delete = CliRun.of(cli, "delete", "/worker", "--force");
    assertThat(delete.exitCode()).isZero();
    assertThat(delete.out()).contains("app: /worker", "deploymentId: deployment-4");
    assertThat(server.calls).containsExactly("RESTART /team/web force=false", "DELETE /worker force=true");
    assertThat(server.apps).containsOnlyKeys("/team/web");
  }
}
