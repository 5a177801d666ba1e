package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.client.ApiException;
import io.berth.api.model.ErrorBody;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument handling and the exit codes that do not depend on a particular command. */
class CommandArgumentsTest {

  private final FakeBerthClient server = new FakeBerthClient();
  private final List<Connection> opened = new ArrayList<>();
  private final BerthCli cli = new BerthCli(c -> {
    opened.add(c);
    return server;
  }, new FakeTicker());

  @Test
  void noSubcommandIsAUsageError() {
    CliRun run = CliRun.of(cli);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required subcommand").contains("Usage: berth");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    assertThat(CliRun.of(cli, "dance").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void deployNeedsAFile() {
    CliRun run = CliRun.of(cli, "deploy");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required option: '--file=FILE'");
    assertThat(opened).isEmpty();
  }

  @Test
  void scaleNeedsAWholeNonNegativeNumber() {
    assertThat(CliRun.of(cli, "scale", "/web").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of(cli, "scale", "/web", "many").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun negative = CliRun.of(cli, "scale", "/web", "-1");
    assertThat(negative.exitCode()).as(negative.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(server.calls).isEmpty();
  }

  @Test
  void appIdsAreMadeCanonicalAndTheRootIsNoApp() {
    server.with(io.berth.api.model.App.builder().id("/team/web").instances(1).build());
    CliRun run = CliRun.of(cli, "scale", "team/web/", "2");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("app: /team/web");

    CliRun root = CliRun.of(cli, "delete", "/");
    assertThat(root.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(root.err()).contains("'/' is not an app id (such as /team/web)");
  }

  @Test
  void helpAnswersZeroAndListsTheExitCodes() {
    CliRun run = CliRun.of(cli, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("deploy", "rollback", "Exit codes:", "3", "--wait timed out");
    assertThat(CliRun.of(cli, "deploy", "--help").out()).contains("--wait", "--timeout=SECONDS", "--force");
  }

  @Test
  void connectionOptionsWorkBeforeOrAfterTheSubcommand() {
    CliRun.of(cli, "--url", "http://a:1", "apps");
    CliRun.of(cli, "apps", "--url", "http://b:2", "--token", "t0ken");
    assertThat(opened).extracting(Connection::url).containsExactly("http://a:1", "http://b:2");
    assertThat(opened.get(1).tokenAuth()).isTrue();
  }

  @Test
  void theUrlDefaultsToBerthUrlOrLocalhost() {
    CliRun.of(cli, "apps");
    String env = System.getenv("BERTH_URL");
    assertThat(opened.get(0).url()).isEqualTo(env == null || env.isBlank() ? "http://localhost:8080" : env.strip());
  }

  @Test
  void mixedCredentialsAreAUsageError() {
    CliRun run = CliRun.of(cli, "--token", "t", "--user", "u", "--password", "p", "apps");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("berth: Give either --token or --user/--password, not both");
  }

  @Test
  void aRefusedRequestExitsOneWithTheDetailsOnStderr() {
    BerthCli refusing = new BerthCli(c -> new FakeBerthClient() {
      @Override
      public io.berth.api.model.AppList apps(List<String> embed, String id, String label) {
        throw new ApiException(400, "Invalid label selector",
            List.of(new ErrorBody.ErrorDetail("label", List.of("expected key==value"))));
      }
    }, new FakeTicker());

    CliRun run = CliRun.of(refusing, "apps", "--label", "???");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).isEqualTo(String.format(
        "Error: HTTP 400: Invalid label selector%n  label: expected key==value%n"));
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreachableServerExitsFour() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun run = CliRun.real("--url", "http://127.0.0.1:" + port, "apps");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(run.err()).startsWith("Error: cannot reach Berth at http://127.0.0.1:" + port);
  }
}
