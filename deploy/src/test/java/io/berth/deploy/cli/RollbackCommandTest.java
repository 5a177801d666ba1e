package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import org.junit.jupiter.api.Test;

class RollbackCommandTest {

  private static final String V1 = "2026-01-01T00:00:01.000Z";
  private static final String V2 = "2026-01-01T00:00:02.000Z";
  private static final String V3 = "2026-01-01T00:00:03.000Z";

  private final FakeBerthClient server = new FakeBerthClient()
      .with(web("serve --v1"))
      .with(web("serve --v2"));
  private final BerthCli cli = new BerthCli(c -> server, new FakeTicker());

  @Test
  void restoresThePreviousDefinitionAsAFullUpdate() {
    CliRun run = CliRun.of(cli, "rollback", "/web");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).containsExactly("rolledBackTo: " + V1, "app: /web", "deploymentId: deployment-3",
        "version: " + V3);
    assertThat(server.calls).containsExactly("PUT /web force=false partialUpdate=false");
    assertThat(server.apps.get("/web").cmd()).isEqualTo("serve --v1");
  }

  @Test
  void skipsVersionsWithTheSameDefinitionSuchAsARestart() {
    CliRun.of(cli, "restart", "/web");
    CliRun run = CliRun.of(cli, "rollback", "/web");
    assertThat(run.out()).contains("rolledBackTo: " + V1);
    assertThat(server.apps.get("/web").cmd()).isEqualTo("serve --v1");
  }

  @Test
  void restoresAGivenVersion() {
    server.with(web("serve --v3"));
    CliRun run = CliRun.of(cli, "rollback", "/web", "--to", V2, "--force");
    assertThat(run.exitCode()).isZero();
    assertThat(server.apps.get("/web").cmd()).isEqualTo("serve --v2");
    assertThat(server.calls).containsExactly("PUT /web force=true partialUpdate=false");
  }

  @Test
  void anUnknownVersionExitsOne() {
    CliRun run = CliRun.of(cli, "rollback", "/web", "--to", "2020-01-01T00:00:00.000Z");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("HTTP 404: App '/web' does not exist in version 2020-01-01T00:00:00.000Z");
    assertThat(server.calls).isEmpty();
  }

  @Test
  void nothingToRollBackToExitsOne() {
    FakeBerthClient fresh = new FakeBerthClient().with(web("only"));
    CliRun run = CliRun.of(new BerthCli(c -> fresh, new FakeTicker()), "rollback", "/web");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("/web has no earlier version with a different definition to roll back to");
    assertThat(fresh.calls).isEmpty();
  }

  @Test
  void canWaitForTheRollback() {
    CliRun run = CliRun.of(cli, "rollback", "/web", "--wait");
    assertThat(run.out()).contains("Ready: /web: 1/1 running");
  }

  private static App web(String cmd) {
    return App.builder().id("/web").cmd(cmd).instances(1).build();
  }
}
