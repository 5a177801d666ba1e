package io.berth.scheduler.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.scheduler.SchedulerApplication;
import io.berth.scheduler.SchedulerConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The whole scheduler on the local cluster (real Docker, embedded ZooKeeper), with busybox
 * stand-ins for the helpers: fluentd = a listener on the forward port, Sensu = httpd on 3031.
 */
final class LocalCluster {

  /** A forward-port listener that holds each connection open (as fluentd does) and discards what it gets. */
  static final String FLUENTD = "exec nc -ll -p 24224 -e /bin/sh -c 'cat > /dev/null'";
  static final String SENSU = "mkdir -p /www && exec httpd -f -p 3031 -h /www";
  private static final ObjectMapper JSON = new ObjectMapper();

  final DropwizardTestSupport<SchedulerConfiguration> app;
  private final HttpClient http = HttpClient.newHttpClient();

  LocalCluster(Path dataDir, ConfigOverride... extra) {
    this(dataDir, 0, extra);
  }

  /** On HTTP port {@code port} (0: any free one). */
  LocalCluster(Path dataDir, int port, ConfigOverride... extra) {
    List<ConfigOverride> overrides = new ArrayList<>(List.of(
        ConfigOverride.config("dataDir", dataDir.toString()),
        ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("helpers.fluentdImage", TestDocker.IMAGE),
        ConfigOverride.config("helpers.fluentdCommand", FLUENTD),
        ConfigOverride.config("helpers.sensuImage", TestDocker.IMAGE),
        ConfigOverride.config("helpers.sensuCommand", SENSU),
        ConfigOverride.config("helpers.defaultImage", TestDocker.IMAGE)));
    overrides.addAll(List.of(extra));
    app = new DropwizardTestSupport<>(SchedulerApplication.class, SchedulerApplication.DEFAULT_CONFIG,
        overrides.toArray(ConfigOverride[]::new));
  }

  void start() throws Exception {
    app.before();
  }

  /**
   * Stops the scheduler and clears every {@code dw.*} override property. DropwizardTestSupport puts
   * back the value a property had when its own run started, so of two overlapping runs (a leader
   * and its standby) the second would leave the first's settings behind for every later test.
   */
  void stop() {
    app.after();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("dw."))
        .forEach(System::clearProperty);
  }

  JsonNode get(String path) {
    return json(send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /** A GET on the admin port (health checks, metrics). */
  JsonNode adminGet(String path) {
    return json(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getAdminPort() + path)).GET()));
  }

  JsonNode post(String path, String body) {
    return json(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  JsonNode put(String path, String body) {
    return json(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body))));
  }

  JsonNode delete(String path) {
    return json(send(HttpRequest.newBuilder(uri(path)).DELETE()));
  }

  /** The app's tasks, once {@code until} holds for them (polling the API). */
  List<JsonNode> tasksWhen(String appId, Predicate<List<JsonNode>> until) {
    List<List<JsonNode>> last = new ArrayList<>();
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(300)).until(() -> {
      List<JsonNode> tasks = new ArrayList<>();
      get("/v2/apps" + appId + "/tasks").path("tasks").forEach(tasks::add);
      last.clear();
      last.add(tasks);
      return until.test(tasks);
    });
    return last.get(0);
  }

  /** What the task's app serves on its first host port, at {@code /}. */
  static String servedBy(JsonNode task) throws IOException, InterruptedException {
    int port = task.path("ports").get(0).asInt();
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static Predicate<List<JsonNode>> running(int n) {
    return tasks -> tasks.size() == n && tasks.stream().allMatch(t -> t.path("state").asText().equals("TASK_RUNNING"));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.getLocalPort() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
