package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Apps run for real on the local cluster: pods of three labelled containers on the Docker engine. */
@Timeout(900)
class LocalClusterIT {

  @TempDir
  static Path data;

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    TestDocker.ensureImage();
    cluster = new LocalCluster(data);
    cluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.stop();
  }

  @AfterEach
  void cleanUp() {
    for (String id : List.of("/e2e/web", "/e2e/scale", "/e2e/crash", "/e2e/health")) {
      cluster.delete("/v2/apps" + id);
      await().atMost(Duration.ofSeconds(60)).until(() -> TestDocker.containersOf(id).isEmpty());
    }
  }

  static String httpApp(String id, int instances, String extra) {
    return "{\"id\":\"" + id + "\",\"instances\":" + instances + ",\"cpus\":0.05,\"mem\":16,"
        + "\"cmd\":\"mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p $PORT0 -h /www\","
        + "\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":\"" + TestDocker.IMAGE + "\"}},"
        + "\"taskKillGracePeriodSeconds\":1,\"backoffSeconds\":1" + extra + "}";
  }

  @Test
  void twoInstancesRunAsPodsOfThreeLabelledContainersAndServeOnTheirHostPorts() throws Exception {
    cluster.post("/v2/apps", httpApp("/e2e/web", 2, ""));
    List<JsonNode> tasks = cluster.tasksWhen("/e2e/web", LocalCluster.running(2));

    for (JsonNode task : tasks) {
      assertThat(LocalCluster.servedBy(task)).isEqualTo("ok\n");
      assertThat(task.path("agentId").asText()).isEqualTo(task.path("slaveId").asText()).isNotBlank();
    }
    List<TestDocker.Container> containers = TestDocker.containersOf("/e2e/web");
    assertThat(containers).hasSize(6).allMatch(c -> c.state().equals("running"));
    Set<String> taskIds = tasks.stream().map(t -> t.path("id").asText()).collect(Collectors.toSet());
    assertThat(containers.stream().map(TestDocker.Container::taskId).collect(Collectors.toSet())).isEqualTo(taskIds);
    for (String taskId : taskIds) {
      assertThat(containers.stream().filter(c -> c.taskId().equals(taskId)).map(TestDocker.Container::role))
          .containsExactlyInAnyOrder("app", "fluentd", "sensu");
    }
    JsonNode app = cluster.get("/v2/apps/e2e/web").path("app");
    assertThat(app.path("tasksRunning").asInt()).isEqualTo(2);
  }

  @Test
  void scalingThreeToOneRemovesTwoPodsCompletely() {
    cluster.post("/v2/apps", httpApp("/e2e/scale", 3, ""));
    cluster.tasksWhen("/e2e/scale", LocalCluster.running(3));
    assertThat(TestDocker.containersOf("/e2e/scale")).hasSize(9);

    cluster.put("/v2/apps/e2e/scale", "{\"instances\":1}");
    cluster.tasksWhen("/e2e/scale", LocalCluster.running(1));
    await().atMost(Duration.ofSeconds(60)).until(() -> TestDocker.containersOf("/e2e/scale").size() == 3);
  }

  @Test
  void aKilledAppContainerIsReplacedAndTheDeadPodRemoved() {
    cluster.post("/v2/apps", httpApp("/e2e/crash", 1, ""));
    String first = cluster.tasksWhen("/e2e/crash", LocalCluster.running(1)).get(0).path("id").asText();
    TestDocker.Container app = TestDocker.containersOf("/e2e/crash").stream()
        .filter(c -> c.role().equals("app")).findFirst().orElseThrow();

    TestDocker.kill(app.id());

    List<JsonNode> after = cluster.tasksWhen("/e2e/crash",
        tasks -> LocalCluster.running(1).test(tasks) && !tasks.get(0).path("id").asText().equals(first));
    String second = after.get(0).path("id").asText();
    await().atMost(Duration.ofSeconds(60)).until(() -> TestDocker.containersOf("/e2e/crash").stream()
        .allMatch(c -> c.taskId().equals(second)));
    JsonNode failure = cluster.get("/v2/apps/e2e/crash").path("app").path("lastTaskFailure");
    assertThat(failure.path("taskId").asText()).isEqualTo(first);
  }

  @Test
  void aHealthCheckThatStartsFailingLeadsToAReplacement() {
    String checks = ",\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/health\",\"portIndex\":0,"
        + "\"gracePeriodSeconds\":60,\"intervalSeconds\":2,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":2}]";
    cluster.post("/v2/apps", httpApp("/e2e/health", 1, checks).replace("/www/index.html", "/www/health"));
    String first = cluster.tasksWhen("/e2e/health", tasks -> tasks.size() == 1
        && tasks.get(0).path("healthCheckResults").path(0).path("alive").asBoolean()).get(0).path("id").asText();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> cluster.get("/v2/apps/e2e/health").path("app").path("tasksHealthy").asInt() == 1);

    TestDocker.Container app = TestDocker.containersOf("/e2e/health").stream()
        .filter(c -> c.role().equals("app") && c.taskId().equals(first)).findFirst().orElseThrow();
    TestDocker.run("docker", "exec", app.id(), "rm", "/www/health");

    cluster.tasksWhen("/e2e/health", tasks -> tasks.stream().noneMatch(t -> t.path("id").asText().equals(first))
        && !tasks.isEmpty());
    assertThat(cluster.get("/v2/apps/e2e/health").path("app").path("lastTaskFailure").path("taskId").asText())
        .isEqualTo(first);
    await().atMost(Duration.ofSeconds(60)).until(() -> TestDocker.containersOf("/e2e/health").stream()
        .noneMatch(c -> c.taskId().equals(first)));
  }

}
