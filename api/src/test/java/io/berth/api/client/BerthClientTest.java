package io.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.api.model.App;
import io.berth.api.model.Deployment;
import io.berth.api.model.ErrorBody;
import io.berth.api.model.Group;
import io.berth.api.model.Info;
import io.berth.api.model.QueueList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link BerthClient}: tasks, groups, deployments, queue, info, leader, ping; errors; authentication. */
class BerthClientTest {

  private RecordingServer server;
  private BerthClient berth;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    berth = BerthClients.create(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Nested
  class ReadEndpoints {

    @Test
    void tasksFilteredByStatus() {
      server.answer(200, "{\"tasks\":[{\"id\":\"web.1\",\"appId\":\"/web\",\"state\":\"TASK_RUNNING\"}]}");

      assertThat(berth.tasks("running").tasks()).extracting("state").containsExactly("TASK_RUNNING");
      assertThat(server.last().path()).isEqualTo("/v2/tasks");
      assertThat(server.last().query()).isEqualTo("status=running");

      berth.tasks(null);
      assertThat(server.last().query()).isNull();
    }

    @Test
    void groupsNestAppsAndGroups() {
      server.answer(200, "{\"id\":\"/team\",\"apps\":[{\"id\":\"/team/web\"}],"
          + "\"groups\":[{\"id\":\"/team/db\",\"apps\":[],\"groups\":[]}],\"dependencies\":[],\"version\":\"v\"}");

      Group team = berth.group("/team");

      assertThat(server.last().path()).isEqualTo("/v2/groups/%2Fteam");
      assertThat(team.apps()).extracting(App::id).containsExactly("/team/web");
      assertThat(team.groups()).extracting(Group::id).containsExactly("/team/db");

      berth.rootGroup();
      assertThat(server.last().path()).isEqualTo("/v2/groups");
    }

    @Test
    void deploymentsWithStepsInMarathonsShape() {
      server.answer(200, "[{\"id\":\"d1\",\"version\":\"v2\",\"affectedApps\":[\"/web\"],\"affectedPods\":[],"
          + "\"steps\":[{\"actions\":[{\"action\":\"StartApplication\",\"app\":\"/web\"}]},"
          + "{\"actions\":[{\"type\":\"ScaleApplication\",\"app\":\"/web\"}]}],"
          + "\"currentActions\":[{\"action\":\"ScaleApplication\",\"app\":\"/web\",\"readinessCheckResults\":"
          + "[{\"name\":\"ready\",\"taskId\":\"web.1\",\"ready\":false,\"lastResponse\":{\"status\":503}}]}],"
          + "\"currentStep\":2,\"totalSteps\":2}]");

      List<Deployment> running = berth.deployments();

      assertThat(running).singleElement().satisfies(d -> {
        assertThat(d.affectedApps()).containsExactly("/web");
        assertThat(d.steps()).flatExtracting(Deployment.Step::actions).extracting(Deployment.Action::name)
            .containsExactly("StartApplication", "ScaleApplication");
        assertThat(d.currentActions().get(0).readinessCheckResults().get(0).lastResponse().status())
            .isEqualTo(503);
        assertThat(d.currentStep()).isEqualTo(2);
        assertThat(d.totalSteps()).isEqualTo(2);
      });
    }

    @Test
    void queueWithDelayAndOfferSummary() {
      server.answer(200, "{\"queue\":[{\"app\":{\"id\":\"/web\"},\"count\":2,\"since\":\"s\","
          + "\"delay\":{\"timeLeftSeconds\":7,\"overdue\":false},\"processedOffersSummary\":"
          + "{\"processedOffersCount\":4,\"unusedOffersCount\":4,\"rejectSummaryLastOffers\":"
          + "[{\"reason\":\"InsufficientMemory\",\"declined\":4,\"processed\":4}]}}]}");

      QueueList.Item waiting = berth.queue().queue().get(0);

      assertThat(waiting.app().id()).isEqualTo("/web");
      assertThat(waiting.count()).isEqualTo(2);
      assertThat(waiting.delay().timeLeftSeconds()).isEqualTo(7);
      assertThat(waiting.processedOffersSummary().rejectSummaryLastOffers())
          .extracting(QueueList.RejectSummary::reason).containsExactly("InsufficientMemory");
    }

    @Test
    void infoKeepsMarathonsSnakeCaseSections() {
      server.answer(200, "{\"name\":\"berth\",\"version\":\"0.1.0\",\"elected\":true,\"leader\":\"h:8080\","
          + "\"marathon_config\":{\"master\":\"local\"},\"zookeeper_config\":{\"zk\":\"embedded\"}}");

      Info info = berth.info();

      assertThat(info.elected()).isTrue();
      assertThat(info.marathonConfig()).containsEntry("master", "local");
      assertThat(info.zookeeperConfig()).containsEntry("zk", "embedded");
    }

    @Test
    void leaderAndPing() {
      server.answer(200, "{\"leader\":\"127.0.0.1:8080\"}");
      assertThat(berth.leader().leader()).isEqualTo("127.0.0.1:8080");

      server.answer(200, "text/plain", "pong");
      assertThat(berth.ping()).isEqualTo("pong");
      assertThat(server.last().path()).isEqualTo("/ping");
    }
  }

  @Nested
  class Deployments {

    @Test
    void rollBackIsAPlainDelete() {
      server.answer(200, "{\"deploymentId\":\"d2\",\"version\":\"v3\"}");

      assertThat(berth.rollBackDeployment("d1").deploymentId()).isEqualTo("d2");
      assertThat(server.last().method()).isEqualTo("DELETE");
      assertThat(server.last().path()).isEqualTo("/v2/deployments/d1");
      assertThat(server.last().query()).isNull();
    }

    @Test
    void cancelForcesAndAcceptsAnEmpty202() {
      server.answer(202, null, "");

      berth.cancelDeployment("d1");

      assertThat(server.last().query()).isEqualTo("force=true");
    }
  }

  @Nested
  class Errors {

    @Test
    void validationFailureCarriesEveryPathAndRule() {
      server.answer(422, "{\"message\":\"Object is not valid\",\"details\":[{\"path\":\"/mem\","
          + "\"errors\":[\"must be greater than or equal to 0\"]},{\"path\":\"/id\",\"errors\":[\"bad\"]}]}");

      ApiException e = catchThrowableOfType(ApiException.class,
          () -> berth.createApp(App.builder().id("/web").mem(-1.0).build()));

      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errorMessage()).isEqualTo("Object is not valid");
      assertThat(e.body().details()).extracting(ErrorBody.ErrorDetail::path).containsExactly("/mem", "/id");
      assertThat(e).hasMessage("HTTP 422: Object is not valid (/mem: must be greater than or equal to 0; /id: bad)");
    }

    @Test
    void notFoundAndConflictKeepTheirMessage() {
      server.answer(404, "{\"message\":\"App '/nope' does not exist\"}");
      ApiException missing = catchThrowableOfType(ApiException.class, () -> berth.app("/nope"));
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.errorMessage()).isEqualTo("App '/nope' does not exist");
      assertThat(missing.body().details()).isEmpty();

      server.answer(409, "{\"message\":\"App is locked by one or more deployments.\",\"deployments\":[{\"id\":\"d\"}]}");
      ApiException locked = catchThrowableOfType(ApiException.class, () -> berth.deleteApp("/web"));
      assertThat(locked.status()).isEqualTo(409);
      assertThat(locked.errorMessage()).startsWith("App is locked");
    }

    @Test
    void serverErrorWithoutJsonKeepsTheRawText() {
      server.answer(502, "text/html", "<html>Bad Gateway</html>");

      ApiException e = catchThrowableOfType(ApiException.class, () -> berth.info());

      assertThat(e.status()).isEqualTo(502);
      assertThat(e.errorMessage()).isEqualTo("<html>Bad Gateway</html>");
    }

    @Test
    void serverErrorWithMarathonJsonIsParsed() {
      server.answer(500, "{\"message\":\"An unexpected error occurred (id 4f2c)\"}");

      ApiException e = catchThrowableOfType(ApiException.class, () -> berth.apps());

      assertThat(e.status()).isEqualTo(500);
      assertThat(e.errorMessage()).isEqualTo("An unexpected error occurred (id 4f2c)");
    }

    @Test
    void emptyServiceUnavailableStillGivesTheStatus() {
      server.answer(503, null, "");

      ApiException e = catchThrowableOfType(ApiException.class, () -> berth.leader());

      assertThat(e.status()).isEqualTo(503);
      assertThat(e.body().details()).isEmpty();
    }

    @Test
    void detailsGivenAsAStringDoNotHideTheMessage() {
      server.answer(400, "{\"message\":\"Please specify data in JSON format\",\"details\":\"Unexpected token\"}");

      ApiException e = catchThrowableOfType(ApiException.class, () -> berth.createApp(App.builder().build()));

      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errorMessage()).isEqualTo("Please specify data in JSON format");
    }
  }

  @Test
  void aDeadServerFailsOnceWithoutRetrying() {
    BerthClient dead = BerthClients.create(server.baseUrl());
    server.close();

    assertThatThrownBy(() -> dead.createApp(App.builder().id("/web").cmd("x").build()))
        .isInstanceOf(feign.RetryableException.class);
  }

  @Nested
  class Authentication {

    @Test
    void basicAuth() {
      berth = BerthClients.createWithBasicAuth(server.baseUrl(), "ops", "s3cret");
      server.answer(200, "{\"apps\":[]}");

      berth.apps();

      String expected = Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(server.last().header("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void tokenAuthAsTheMarathonClientSendsIt() {
      berth = BerthClients.createWithTokenAuth(server.baseUrl(), "abc123");
      server.answer(200, "{\"apps\":[]}");

      berth.apps();

      assertThat(server.last().header("Authorization")).isEqualTo("token=abc123");
    }

    @Test
    void everyRequestAsksForJson() {
      server.answer(200, "{\"apps\":[]}");

      berth.apps();

      assertThat(server.last().header("Accept")).isEqualTo("application/json");
      assertThat(server.last().header("Authorization")).isNull();
    }
  }
}
