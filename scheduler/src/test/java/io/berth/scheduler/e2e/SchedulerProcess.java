package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Map;

/**
 * The packaged scheduler ({@code berth-scheduler.jar server}) as a child process on a fixed HTTP
 * port, for the tests that kill it with SIGKILL and start it again on the same state.
 */
final class SchedulerProcess {

  static final Path JAR = Path.of(System.getProperty("berth.schedulerJar", "target/berth-scheduler.jar"));

  private final int port;
  private final String logPrefix;
  private final HttpClient http = HttpClient.newHttpClient();

  /** @param logPrefix the scheduler's output goes to a file with this prefix next to the jar */
  SchedulerProcess(String logPrefix) {
    this.port = freePort();
    this.logPrefix = logPrefix;
  }

  int port() {
    return port;
  }

  /** Starts the jar with {@code env} (on top of the port variables) and waits until it answers /ping. */
  Process start(Map<String, String> env) throws IOException {
    Path log = Files.createTempFile(JAR.toAbsolutePath().getParent(), logPrefix, ".log");
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-jar", JAR.toAbsolutePath().toString(), "server").redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("BERTH_HTTP_PORT", Integer.toString(port));
    pb.environment().put("BERTH_ADMIN_PORT", Integer.toString(freePort()));
    Process p = pb.start();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> p.isAlive() && get("/ping").equals("pong"));
    return p;
  }

  String get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** POSTs an app and expects 201 Created. */
  void postApp(String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/v2/apps"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
