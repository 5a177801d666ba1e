package io.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.AppEnvelope;
import io.berth.api.model.AppList;
import io.berth.api.model.DeploymentResult;
import io.berth.api.model.TaskEnvelope;
import io.berth.api.model.TaskList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What {@link BerthClient} sends for the {@code /v2/apps} endpoints, and what it makes of the answers. */
class BerthClientAppsTest {

  private static final String DEPLOYMENT = "{\"deploymentId\":\"5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43\","
      + "\"version\":\"2026-11-26T12:00:00.000Z\"}";

  private RecordingServer server;
  private BerthClient berth;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    berth = BerthClients.create(server.baseUrl() + "/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Nested
  class PathIds {

    @Test
    void appIdIsOnePercentEncodedSegmentWithItsLeadingSlash() {
      server.answer(200, "{\"app\":{\"id\":\"/team/web\",\"instances\":2}}");

      AppEnvelope answer = berth.app("/team/web");

      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fteam%2Fweb");
      assertThat(answer.app().id()).isEqualTo("/team/web");
      assertThat(answer.app().instances()).isEqualTo(2);
    }

    @Test
    void appIdWhoseLastSegmentLooksLikeASubResourceStaysUnambiguous() {
      server.answer(200, "{\"tasks\":[]}");

      berth.appTasks("/team/tasks");

      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fteam%2Ftasks/tasks");
    }

    @Test
    void versionTimestampIsEncodedToo() {
      server.answer(200, "{\"id\":\"/web\",\"version\":\"2014-03-01T23:42:20.938Z\"}");

      App old = berth.appVersion("/web", "2014-03-01T23:42:20.938Z");

      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fweb/versions/2014-03-01T23%3A42%3A20.938Z");
      assertThat(old.version()).isEqualTo("2014-03-01T23:42:20.938Z");
    }
  }

  @Nested
  class Listing {

    @Test
    void withoutFiltersSendsNoQuery() {
      server.answer(200, "{\"apps\":[{\"id\":\"/a\"},{\"id\":\"/b\"}]}");

      AppList apps = berth.apps();

      assertThat(server.last().method()).isEqualTo("GET");
      assertThat(server.last().path()).isEqualTo("/v2/apps");
      assertThat(server.last().query()).isNull();
      assertThat(apps.apps()).extracting(App::id).containsExactly("/a", "/b");
    }

    @Test
    void repeatsEmbedAndEncodesTheLabelSelector() {
      server.answer(200, "{\"apps\":[]}");

      berth.apps(List.of("apps.tasks", "apps.counts"), "/team", "env==prod");

      assertThat(server.last().query())
          .isEqualTo("embed=apps.tasks&embed=apps.counts&id=/team&label=env%3D%3Dprod");
    }

    @Test
    void getOneAppWithEmbed() {
      server.answer(200, "{\"app\":{\"id\":\"/web\",\"tasksRunning\":3}}");

      AppEnvelope web = berth.app("/web", List.of("app.tasks"));

      assertThat(server.last().query()).isEqualTo("embed=app.tasks");
      assertThat(web.app().tasksRunning()).isEqualTo(3);
    }

    @Test
    void versionsAreAListOfTimestamps() {
      server.answer(200, "{\"versions\":[\"2014-03-01T23:42:20.938Z\",\"2014-03-01T23:29:55.982Z\"]}");

      assertThat(berth.appVersions("/web").versions()).hasSize(2).first().isEqualTo("2014-03-01T23:42:20.938Z");
      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fweb/versions");
    }
  }

  @Nested
  class Changes {

    @Test
    void createPostsTheDefinitionAsJsonWithoutNulls() {
      server.answer(201, "{\"id\":\"/web\",\"cmd\":\"sleep 100\",\"instances\":1,\"version\":\"v1\","
          + "\"deployments\":[{\"id\":\"d1\"}]}");

      App created = berth.createApp(App.builder().id("/web").cmd("sleep 100").build());

      assertThat(server.last().method()).isEqualTo("POST");
      assertThat(server.last().path()).isEqualTo("/v2/apps");
      assertThat(server.last().header("Content-Type")).isEqualTo("application/json");
      assertThat(server.last().body()).isEqualTo("{\"id\":\"/web\",\"cmd\":\"sleep 100\"}");
      assertThat(created.version()).isEqualTo("v1");
      assertThat(created.deployments()).extracting("id").containsExactly("d1");
    }

    @Test
    void updatePutsWithForceAndPartialUpdate() {
      server.answer(200, DEPLOYMENT);

      DeploymentResult result = berth.updateApp("/team/web", App.builder().instances(3).build(), true, false);

      assertThat(server.last().method()).isEqualTo("PUT");
      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fteam%2Fweb");
      assertThat(server.last().query()).isEqualTo("force=true&partialUpdate=false");
      assertThat(server.last().body()).isEqualTo("{\"instances\":3}");
      assertThat(result.deploymentId()).isEqualTo("5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43");
      assertThat(result.version()).isEqualTo("2026-11-26T12:00:00.000Z");
    }

    @Test
    void updateWithDefaultsLeavesTheQueryOut() {
      server.answer(200, DEPLOYMENT);

      berth.updateApp("/web", App.builder().instances(3).build());

      assertThat(server.last().query()).isNull();
    }

    @Test
    void patchSendsPatch() {
      server.answer(200, DEPLOYMENT);

      berth.patchApp("/web", App.builder().instances(0).build(), null);

      assertThat(server.last().method()).isEqualTo("PATCH");
      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fweb");
      assertThat(server.last().body()).isEqualTo("{\"instances\":0}");
    }

    @Test
    void deleteAndRestartCanForce() {
      server.answer(200, DEPLOYMENT);

      berth.deleteApp("/web");
      assertThat(server.last().method()).isEqualTo("DELETE");
      assertThat(server.last().query()).isNull();

      berth.deleteApp("/web", true);
      assertThat(server.last().query()).isEqualTo("force=true");

      assertThat(berth.restartApp("/web", false).deploymentId()).isNotNull();
      assertThat(server.last().method()).isEqualTo("POST");
      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fweb/restart");
      assertThat(server.last().query()).isEqualTo("force=false");
    }
  }

  @Nested
  class KillingTasks {

    private static final String TASK = "{\"id\":\"web.1\",\"appId\":\"/web\",\"host\":\"agent-1\","
        + "\"ports\":[31000],\"state\":\"TASK_RUNNING\",\"slaveId\":\"s1\",\"localVolumes\":[]}";

    @Test
    void killTasksOnAHost() {
      server.answer(200, "{\"tasks\":[" + TASK + "]}");

      TaskList killed = berth.killTasks("/web", "agent-1", null);

      assertThat(server.last().method()).isEqualTo("DELETE");
      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fweb/tasks");
      assertThat(server.last().query()).isEqualTo("host=agent-1");
      assertThat(killed.tasks()).singleElement()
          .satisfies(t -> assertThat(t.ports()).containsExactly(31000));
    }

    @Test
    void killTasksAndScaleAnswersADeployment() {
      server.answer(200, DEPLOYMENT);

      assertThat(berth.killTasksAndScale("/web", null).deploymentId()).isNotNull();
      assertThat(server.last().query()).isEqualTo("scale=true");
    }

    @Test
    void killOneTaskWithWipe() {
      server.answer(200, "{\"task\":" + TASK + "}");

      TaskEnvelope killed = berth.killTask("/web", "web.1", true);

      assertThat(server.last().path()).isEqualTo("/v2/apps/%2Fweb/tasks/web.1");
      assertThat(server.last().query()).isEqualTo("wipe=true");
      assertThat(killed.task().slaveId()).isEqualTo("s1");
    }

    @Test
    void killOneTaskAndScale() {
      server.answer(200, DEPLOYMENT);

      berth.killTaskAndScale("/web", "web.1");

      assertThat(server.last().query()).isEqualTo("scale=true");
    }
  }
}
