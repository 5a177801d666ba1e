package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

  static final Path JAR = Path.of(System.getProperty("berth.schedulerJar", "target/berth-scheduler.jar"));
  static final String APP = "/e2e/adopt";

  @TempDir
  Path data;

  private Process process;
  private int port;

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
    port = freePort();
    process = start();
    post(LocalClusterIT.httpApp(APP, 2, ""));
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
    JsonNode tasks = new ObjectMapper().readTree(get("/v2/apps" + APP + "/tasks")).path("tasks");
    Set<String> ids = new java.util.TreeSet<>();
    tasks.forEach(t -> {
      if (t.path("state").asText().equals("TASK_RUNNING")) {
        ids.add(t.path("id").asText());
      }
    });
    return ids.size() == tasks.size() ? ids : Set.of();
  }

  private Process start() throws IOException {
    // Kept next to the jar (target/), so a failed run can be read afterwards.
    Path log = Files.createTempFile(JAR.toAbsolutePath().getParent(), "adoption-it-scheduler-", ".log");
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-jar", JAR.toAbsolutePath().toString(), "server").redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("BERTH_DATA_DIR", data.resolve("data").toString());
    env.put("BERTH_HTTP_PORT", Integer.toString(port));
    env.put("BERTH_ADMIN_PORT", Integer.toString(freePort()));
    env.put("BERTH_FLUENTD_IMAGE", TestDocker.IMAGE);
    env.put("BERTH_FLUENTD_COMMAND", LocalCluster.FLUENTD);
    env.put("BERTH_SENSU_IMAGE", TestDocker.IMAGE);
    env.put("BERTH_SENSU_COMMAND", LocalCluster.SENSU);
    Process p = pb.start();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> p.isAlive() && get("/ping").equals("pong"));
    return p;
  }

  private String get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private void post(String body) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/apps"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
