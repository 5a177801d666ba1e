package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged scheduler runs an app on the local cluster, is killed with SIGKILL, and is started
 * again: it adopts the very same containers (same ids, same start times), keeps the same task ids,
 * and starts or stops nothing.
 */
@Timeout(600)
class AdoptionAfterKillNineIT {

  static final String APP = "/e2e/adopt";

  @TempDir
  Path data;

  private final SchedulerProcess scheduler = new SchedulerProcess("adoption-it-scheduler-");
  private Process process;

  @AfterEach
  void cleanUp() {
    if (process != null) {
      process.destroyForcibly();
    }
    TestDocker.removeAll(APP);
  }

  @Test
  void aRestartedSchedulerAdoptsTheSameContainers() throws Exception {
    TestDocker.ensureImage();
    process = start();
    scheduler.postApp(LocalClusterIT.httpApp(APP, 2, ""));
    Set<String> taskIds = awaitRunningTasks(2);
    Map<String, String> startedAt = startTimes();
    assertThat(startedAt).hasSize(6);

    process.destroyForcibly().waitFor();
    process = start();

    assertThat(awaitRunningTasks(2)).isEqualTo(taskIds);
    assertThat(startTimes()).isEqualTo(startedAt);
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
        .until(() -> startTimes().equals(startedAt) && runningTaskIds().equals(taskIds));
  }

  private Map<String, String> startTimes() {
    Map<String, String> out = new HashMap<>();
    for (TestDocker.Container c : TestDocker.containersOf(APP)) {
      out.put(c.id(), TestDocker.startedAt(c.id()));
    }
    return out;
  }

  private Set<String> awaitRunningTasks(int n) throws Exception {
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> runningTaskIds().size() == n);
    return runningTaskIds();
  }

  private Set<String> runningTaskIds() throws Exception {
    JsonNode tasks = new ObjectMapper().readTree(scheduler.get("/v2/apps" + APP + "/tasks")).path("tasks");
    Set<String> ids = new java.util.TreeSet<>();
    tasks.forEach(t -> {
      if (t.path("state").asText().equals("TASK_RUNNING")) {
        ids.add(t.path("id").asText());
      }
    });
    return ids.size() == tasks.size() ? ids : Set.of();
  }

  private Process start() throws IOException {
    return scheduler.start(Map.of(
        "BERTH_DATA_DIR", data.resolve("data").toString(),
        "BERTH_FLUENTD_IMAGE", TestDocker.IMAGE,
        "BERTH_FLUENTD_COMMAND", LocalCluster.FLUENTD,
        "BERTH_SENSU_IMAGE", TestDocker.IMAGE,
        "BERTH_SENSU_COMMAND", LocalCluster.SENSU));
  }
}
