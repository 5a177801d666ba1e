package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

  private final FakeBerthClient server = new FakeBerthClient();
  private final FakeTicker ticker = new FakeTicker();
  private final BerthCli cli = new BerthCli(c -> server, ticker);

  @TempDir
  Path dir;

  @Test
  void putsTheWholeDefinitionAndPrintsTheDeployment() throws IOException {
    CliRun run = CliRun.of(cli, "deploy", "-f", appJson("/team/web", 2).toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).containsExactly("app: /team/web", "deploymentId: deployment-1",
        "version: 2026-01-01T00:00:01.000Z");
    assertThat(server.calls).containsExactly("PUT /team/web force=false partialUpdate=false");
    assertThat(server.apps.get("/team/web").instances()).isEqualTo(2);
  }

  @Test
  void forceIsPassedOn() throws IOException {
    CliRun.of(cli, "deploy", "--force", "--file", appJson("/a", 1).toString());
    assertThat(server.calls).containsExactly("PUT /a force=true partialUpdate=false");
  }

  @Test
  void waitsUntilEveryInstanceRuns() throws IOException {
    server.runningAfterPolls("/team/web", 2);

    CliRun run = CliRun.of(cli, "deploy", "-f", appJson("/team/web", 3).toString(), "--wait");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).endsWith("Waiting: /team/web: 0/3 running", "Ready: /team/web: 3/3 running");
    assertThat(ticker.sleeps).hasSize(2);
  }

  @Test
  void aWaitThatRunsOutExitsThreeWithAClearMessage() throws IOException {
    server.runningAfterPolls("/team/web", Integer.MAX_VALUE);

    CliRun run = CliRun.of(cli, "deploy", "-f", appJson("/team/web", 3).toString(), "--wait", "--timeout", "10");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(run.out()).contains("deploymentId: deployment-1", "Waiting: /team/web: 0/3 running");
    assertThat(run.err().strip()).isEqualTo("Error: timed out after 10 s waiting for /team/web: 0/3 running");
    assertThat(ticker.sleeps.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(10_000);
  }

  @Test
  void withoutWaitItDoesNotPoll() throws IOException {
    server.runningAfterPolls("/team/web", Integer.MAX_VALUE);
    assertThat(CliRun.of(cli, "deploy", "-f", appJson("/team/web", 3).toString()).exitCode()).isZero();
    assertThat(ticker.sleeps).isEmpty();
  }

  @Test
  void anUnreadableFileIsAUsageErrorAndSendsNothing() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"id\": ");
    CliRun run = CliRun.of(cli, "deploy", "-f", broken.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("berth: " + broken + " is not valid JSON");
    assertThat(CliRun.of(cli, "deploy", "-f", dir.resolve("missing.json").toString()).exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(server.calls).isEmpty();
  }

  @Test
  void aNegativeTimeoutIsAUsageError() throws IOException {
    CliRun run = CliRun.of(cli, "deploy", "-f", appJson("/a", 1).toString(), "--wait", "--timeout=-1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  private Path appJson(String id, int instances) throws IOException {
    App app = App.builder().id(id).cmd("python3 -m http.server $PORT0").instances(instances).build();
    return Files.writeString(dir.resolve("app.json"), Json.pretty(app));
  }
}
