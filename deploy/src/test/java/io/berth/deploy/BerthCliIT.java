package io.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.client.BerthClient;
import io.berth.api.client.BerthClients;
import io.berth.api.model.App;
import io.berth.deploy.cli.CliRun;
import io.berth.deploy.cli.ExitCodes;
import io.berth.scheduler.SchedulerConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code berth} CLI, run in-process as {@code main} runs it, against the real scheduler: exit
 * codes and output, and what the server holds afterwards.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(120)
class BerthCliIT {

  static final DropwizardAppExtension<SchedulerConfiguration> APP = TestScheduler.app();

  private BerthClient berth;

  @TempDir
  Path dir;

  @BeforeEach
  void emptyServer() {
    berth = BerthClients.create(TestScheduler.url(APP));
    TestScheduler.deleteAllApps(berth);
  }

  @Test
  void deployCreatesThenReplacesTheDefinition() throws IOException {
    CliRun first = berth("deploy", "-f", file("app.json", """
        {"id": "/team/web", "cmd": "sleep 1000", "instances": 2, "cpus": 0.1, "mem": 32,
         "labels": {"role": "web"}}"""));
    assertThat(first.exitCode()).as(first.toString()).isZero();
    App v1 = berth.app("/team/web").app();
    assertThat(first.out().lines()).containsExactly("app: /team/web", "deploymentId: " + deploymentIdOf(first),
        "version: " + v1.version());
    assertThat(v1.instances()).isEqualTo(2);
    assertThat(v1.labels()).containsEntry("role", "web");

    CliRun second = berth("deploy", "--force", "-f", file("app.json", """
        {"id": "/team/web", "cmd": "sleep 2000", "instances": 2, "cpus": 0.1, "mem": 32}"""));
    assertThat(second.exitCode()).as(second.toString()).isZero();
    App v2 = berth.app("/team/web").app();
    assertThat(v2.cmd()).isEqualTo("sleep 2000");
    assertThat(v2.labels()).as("the file is the whole definition").isEmpty();
    assertThat(berth.appVersions("/team/web").versions()).containsExactly(v2.version(), v1.version());
  }

  @Test
  void deployWaitReturnsOnceTheAppIsReady() throws IOException {
    CliRun run = berth("deploy", "--wait", "--timeout", "30", "-f", file("idle.json", """
        {"id": "/idle", "cmd": "sleep 1000", "instances": 0}"""));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Ready: /idle: 0/0 running");
  }

  @Test
  void deployWaitTimesOutWithExitThree() throws IOException {
    // A constraint no agent satisfies keeps the instance waiting, with or without a cluster attached.
    CliRun run = berth("deploy", "--wait", "--timeout", "1", "--poll-interval", "200", "-f", file("stuck.json", """
        {"id": "/stuck", "cmd": "sleep 1000", "instances": 1, "cpus": 0.1, "mem": 32,
         "constraints": [["hostname", "LIKE", "no-such-host"]]}"""));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(run.err()).contains("Error: timed out after 1 s waiting for /stuck: 0/1 running");
    assertThat(berth.app("/stuck").app().instances()).as("the deployment itself stays").isEqualTo(1);
  }

  @Test
  void anInvalidDefinitionExitsOneNamingEachFieldAndChangesNothing() throws IOException {
    CliRun run = berth("deploy", "-f", file("bad.json", """
        {"id": "/bad", "cmd": "sleep 1", "cpus": -1, "instances": -2}"""));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).startsWith("Error: HTTP 422: Object is not valid").contains("  /cpus: ", "  /instances: ");
    assertThat(berth.apps().apps()).isEmpty();
  }

  @Test
  void scaleSetsInstancesAndKeepsTheRest() {
    berth.createApp(anApp("/team/web", "sleep 1000").build());
    CliRun run = berth("scale", "/team/web", "4");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("app: /team/web", "deploymentId: ");
    App scaled = berth.app("/team/web").app();
    assertThat(scaled.instances()).isEqualTo(4);
    assertThat(scaled.cmd()).isEqualTo("sleep 1000");
  }

  @Test
  void rollbackRestoresThePreviousDefinition() {
    App v1 = berth.createApp(anApp("/web", "sleep 1000").build());
    berth.updateApp("/web", anApp("/web", "sleep 2000").instances(3).build(), false, false);
    berth.restartApp("/web", false);

    CliRun run = berth("rollback", "/web");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("rolledBackTo: " + v1.version());
    App now = berth.app("/web").app();
    assertThat(now.cmd()).isEqualTo("sleep 1000");
    assertThat(now.instances()).isEqualTo(1);
    assertThat(berth.appVersions("/web").versions()).hasSize(4).first().isEqualTo(now.version());
  }

  @Test
  void rollbackToAGivenVersion() {
    berth.createApp(anApp("/web", "sleep 1000").build());
    String v2 = berth.updateApp("/web", anApp("/web", "sleep 2000").build(), false, false).version();
    berth.updateApp("/web", anApp("/web", "sleep 3000").build(), false, false);

    assertThat(berth("rollback", "/web", "--to", v2).exitCode()).isZero();
    assertThat(berth.app("/web").app().cmd()).isEqualTo("sleep 2000");

    CliRun unknown = berth("rollback", "/web", "--to", "2001-01-01T00:00:00.000Z");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(unknown.err()).contains("HTTP 404");
  }

  @Test
  void deleteRemovesTheAppAndASecondDeleteExitsOne() {
    berth.createApp(anApp("/team/web", "sleep 1000").build());
    CliRun run = berth("delete", "/team/web");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(berth.apps().apps()).isEmpty();

    CliRun again = berth("delete", "/team/web");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(again.err().strip()).isEqualTo("Error: HTTP 404: App '/team/web' does not exist");
  }

  @Test
  void appsShowAndVersionsReadTheServer() {
    App created = berth.createApp(anApp("/team/web", "sleep 1000").instances(2).build());
    assertThat(berth("apps").out().lines()).containsExactly(
        "ID         INSTANCES  RUNNING  HEALTHY  VERSION",
        "/team/web  2          0        -        " + created.version());
    assertThat(berth("app", "show", "/team/web").out()).contains("\"id\" : \"/team/web\"", "\"instances\" : 2");
    assertThat(berth("app", "versions", "/team/web").out().lines())
        .containsExactly(created.version() + "  (current)");
    assertThat(berth("restart", "/team/web").exitCode()).isZero();
    assertThat(berth.appVersions("/team/web").versions()).hasSize(2);
  }

  private CliRun berth(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--url";
    all[1] = TestScheduler.url(APP);
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.real(all);
  }

  private String file(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json).toString();
  }

  private static String deploymentIdOf(CliRun run) {
    return run.out().lines().filter(l -> l.startsWith("deploymentId: ")).findFirst().orElseThrow()
        .substring("deploymentId: ".length());
  }

  private static App.Builder anApp(String id, String cmd) {
    return App.builder().id(id).cmd(cmd).cpus(0.1).mem(32.0);
  }
}
