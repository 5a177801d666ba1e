package io.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.api.client.ApiException;
import io.berth.api.client.BerthClient;
import io.berth.api.client.BerthClients;
import io.berth.api.model.App;
import io.berth.api.model.DeploymentResult;
import io.berth.api.model.ErrorBody;
import io.berth.api.model.Group;
import io.berth.api.model.Info;
import io.berth.scheduler.SchedulerConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The api module's Feign client against the real scheduler application: every endpoint the client
 * has, and every error arriving as an {@link ApiException} with the server's status and body.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(120)
class BerthClientContractIT {

  static final DropwizardAppExtension<SchedulerConfiguration> APP = TestScheduler.app();

  private BerthClient berth;

  @BeforeEach
  void emptyServer() {
    berth = BerthClients.create(TestScheduler.url(APP));
    TestScheduler.deleteAllApps(berth);
  }

  @Nested
  class Apps {

    @Test
    void createThenGet() {
      App created = berth.createApp(anApp("/team/web").instances(2).labels(Map.of("role", "web")).build());
      assertThat(created.id()).isEqualTo("/team/web");
      assertThat(created.version()).isNotBlank();
      assertThat(created.deployments()).hasSize(1);

      App read = berth.app("/team/web").app();
      assertThat(read.instances()).isEqualTo(2);
      assertThat(read.cmd()).isEqualTo("sleep 1000");
      assertThat(read.labels()).containsEntry("role", "web");
      assertThat(read.version()).isEqualTo(created.version());
      assertThat(read.tasksRunning()).isZero();
      assertThat(read.deployments()).isEmpty();
      assertThat(berth.app("/team/web", List.of("app.tasks")).app().tasks()).isEmpty();
    }

    @Test
    void listFiltersByIdAndLabel() {
      berth.createApp(anApp("/team/web").labels(Map.of("role", "web")).build());
      berth.createApp(anApp("/team/worker").labels(Map.of("role", "worker")).build());
      berth.createApp(anApp("/other").build());

      assertThat(ids(berth.apps().apps())).containsExactlyInAnyOrder("/team/web", "/team/worker", "/other");
      assertThat(ids(berth.apps(null, "team", null).apps())).containsExactlyInAnyOrder("/team/web", "/team/worker");
      assertThat(ids(berth.apps(null, null, "role==web").apps())).containsExactly("/team/web");
      assertThat(berth.apps(List.of("apps.tasks"), "other", null).apps()).singleElement()
          .satisfies(a -> assertThat(a.tasks()).isEmpty());
    }

    @Test
    void putCreatesThenUpdatesPartiallyOrWhole() {
      DeploymentResult created = berth.updateApp("/team/web", anApp("/team/web").labels(Map.of("a", "1")).build());
      assertThat(created.deploymentId()).isNotBlank();

      DeploymentResult scaled = berth.updateApp("/team/web", App.builder().instances(3).build());
      assertThat(scaled.version()).isNotEqualTo(created.version());
      App partial = berth.app("/team/web").app();
      assertThat(partial.instances()).isEqualTo(3);
      assertThat(partial.labels()).containsEntry("a", "1");

      berth.updateApp("/team/web", anApp("/team/web").cmd("sleep 2000").build(), true, false);
      App whole = berth.app("/team/web").app();
      assertThat(whole.cmd()).isEqualTo("sleep 2000");
      assertThat(whole.instances()).isEqualTo(1);
      assertThat(whole.labels()).isEmpty();
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
      berth.createApp(anApp("/web").instances(2).build());
      DeploymentResult patched = berth.patchApp("/web", App.builder().labels(Map.of("team", "a")).build(), null);
      assertThat(patched.deploymentId()).isNotBlank();
      App read = berth.app("/web").app();
      assertThat(read.labels()).containsEntry("team", "a");
      assertThat(read.instances()).isEqualTo(2);
    }

    @Test
    void versionsNewestFirstAndEachRetrievable() {
      App created = berth.createApp(anApp("/web").instances(1).build());
      DeploymentResult update = berth.updateApp("/web", App.builder().instances(4).build());
      DeploymentResult restart = berth.restartApp("/web", false);

      assertThat(berth.appVersions("/web").versions())
          .containsExactly(restart.version(), update.version(), created.version());
      assertThat(berth.appVersion("/web", created.version()).instances()).isEqualTo(1);
      assertThat(berth.appVersion("/web", update.version()).instances()).isEqualTo(4);
    }

    @Test
    void deleteRemovesTheApp() {
      berth.createApp(anApp("/team/web").build());
      assertThat(berth.deleteApp("/team/web").deploymentId()).isNotBlank();
      assertThat(berth.apps().apps()).isEmpty();
      assertThat(status(() -> berth.app("/team/web"))).isEqualTo(404);
    }
  }

  @Nested
  class GroupsTasksDeployments {

    @Test
    void groupsAreDerivedFromAppIds() {
      berth.createApp(anApp("/team/web").build());
      berth.createApp(anApp("/team/db/main").build());

      Group root = berth.rootGroup();
      assertThat(root.id()).isEqualTo("/");
      assertThat(root.groups()).extracting(Group::id).containsExactly("/team");
      Group team = berth.group("/team");
      assertThat(ids(team.apps())).containsExactly("/team/web");
      assertThat(team.groups()).extracting(Group::id).containsExactly("/team/db");
      assertThat(status(() -> berth.group("/nobody"))).isEqualTo(404);
    }

    @Test
    void tasksAreEmptyWithoutACluster() {
      berth.createApp(anApp("/web").build());
      assertThat(berth.tasks(null).tasks()).isEmpty();
      assertThat(berth.tasks("running").tasks()).isEmpty();
      assertThat(berth.appTasks("/web").tasks()).isEmpty();
      assertThat(berth.killTasks("/web", null, null).tasks()).isEmpty();
      assertThat(status(() -> berth.appTasks("/nope"))).isEqualTo(404);
      assertThat(status(() -> berth.killTask("/web", "web.no-such-task", null))).isEqualTo(404);
      assertThat(status(() -> berth.killTaskAndScale("/web", "web.no-such-task"))).isEqualTo(404);
    }

    @Test
    void killTasksAndScaleAnswersADeployment() {
      berth.createApp(anApp("/web").build());
      DeploymentResult result = berth.killTasksAndScale("/web", null);
      Assumptions.assumeTrue(result.deploymentId() != null,
          "server does not serve DELETE /v2/apps/{id}/tasks?scale=true as Marathon yet (answers a task list,"
              + " not {deploymentId, version})");
      assertThat(result.version()).isNotBlank();
    }

    @Test
    void noDeploymentRunsAndUnknownOnesAre404() {
      berth.createApp(anApp("/web").build());
      assertThat(berth.deployments()).isEmpty();
      assertThat(status(() -> berth.rollBackDeployment("no-such-deployment"))).isEqualTo(404);
      assertThat(status(() -> berth.cancelDeployment("no-such-deployment"))).isEqualTo(404);
    }

    @Test
    void queueListsOnlyWaitingInstancesOfKnownApps() {
      ApiException missing = catchThrowableOfType(ApiException.class, () -> berth.queue());
      Assumptions.assumeTrue(missing == null || missing.status() != 404, "server does not serve GET /v2/queue yet");
      berth.createApp(anApp("/web").instances(2).build());
      // No Docker engine here, so nothing launches: whatever is queued is /web's and waits.
      assertThat(berth.queue().queue()).allSatisfy(item -> {
        assertThat(item.app().id()).isEqualTo("/web");
        assertThat(item.count()).isBetween(1, 2);
      });
    }
  }

  @Nested
  class ServerInfo {

    @Test
    void infoLeaderAndPing() {
      Info info = berth.info();
      assertThat(info.name()).isEqualTo("berth");
      assertThat(info.version()).isNotBlank();
      assertThat(info.elected()).isTrue();
      assertThat(info.leader()).isNotBlank();
      assertThat(info.marathonConfig()).containsKey("zk_max_versions");
      assertThat(info.zookeeperConfig()).containsKey("zk");
      assertThat(berth.leader().leader()).isEqualTo(info.leader());
      assertThat(berth.ping().strip()).isEqualTo("pong");
    }

    @Test
    void authenticatingClientsAreServedToo() {
      String url = TestScheduler.url(APP);
      assertThat(BerthClients.createWithBasicAuth(url, "ci", "s3cret").ping().strip()).isEqualTo("pong");
      assertThat(BerthClients.createWithTokenAuth(url, "t0ken").apps().apps()).isEmpty();
    }
  }

  @Nested
  class Errors {

    @Test
    void anInvalidDefinitionIs422WithEachFieldNamed() {
      ApiException e = apiError(() -> berth.createApp(anApp("/team/Bad_Id").cpus(-1.0).build()));
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errorMessage()).isEqualTo("Object is not valid");
      assertThat(e.body().details()).extracting(ErrorBody.ErrorDetail::path).contains("/id", "/cpus");
      assertThat(e.body().details()).allSatisfy(d -> assertThat(d.errors()).isNotEmpty());
      assertThat(berth.apps().apps()).isEmpty();
    }

    @Test
    void aRefusedUpdateChangesNothing() {
      App created = berth.createApp(anApp("/web").instances(2).build());
      ApiException e = apiError(() -> berth.updateApp("/web", App.builder().instances(-1).build()));
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.body().details()).extracting(ErrorBody.ErrorDetail::path).contains("/instances");
      assertThat(berth.app("/web").app().instances()).isEqualTo(2);
      assertThat(berth.appVersions("/web").versions()).containsExactly(created.version());
    }

    @Test
    void aDuplicateCreateIs409() {
      berth.createApp(anApp("/dup").build());
      ApiException e = apiError(() -> berth.createApp(anApp("/dup").build()));
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.errorMessage()).isEqualTo("An app with id [/dup] already exists.");
    }

    @Test
    void unknownIdsAre404WithTheServersMessage() {
      ApiException e = apiError(() -> berth.app("/no/such/app"));
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.errorMessage()).isEqualTo("App '/no/such/app' does not exist");
      assertThat(status(() -> berth.appVersions("/no/such/app"))).isEqualTo(404);
      assertThat(status(() -> berth.deleteApp("/no/such/app"))).isEqualTo(404);
      assertThat(status(() -> berth.restartApp("/no/such/app", null))).isEqualTo(404);
      assertThat(status(() -> berth.patchApp("/no/such/app", App.builder().instances(1).build(), null)))
          .isEqualTo(404);
      berth.createApp(anApp("/web").build());
      assertThat(apiError(() -> berth.appVersion("/web", "2001-01-01T00:00:00.000Z")).errorMessage())
          .isEqualTo("App '/web' does not exist in version 2001-01-01T00:00:00.000Z");
    }
  }

  static App.Builder anApp(String id) {
    return App.builder().id(id).cmd("sleep 1000").cpus(0.1).mem(32.0);
  }

  static List<String> ids(List<App> apps) {
    return apps.stream().map(App::id).toList();
  }

  static ApiException apiError(ThrowingCallable call) {
    ApiException e = catchThrowableOfType(ApiException.class, call);
    assertThat(e).as("an ApiException").isNotNull();
    return e;
  }

  static int status(ThrowingCallable call) {
    return apiError(call).status();
  }
}
