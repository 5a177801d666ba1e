package io.berth.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged scheduler in local mode (embedded ZooKeeper) is killed with SIGKILL and started again
 * on the same data directory: every app and version it acknowledged is still there, exactly.
 */
@Timeout(240)
class KillNineRestartIT {

  static final Path JAR = Path.of(System.getProperty("berth.schedulerJar", "target/berth-scheduler.jar"));

  @TempDir
  Path data;

  private Process process;

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  void killNineLosesNoAcknowledgedApp() throws Exception {
    int port = freePort();
    TestHttp http = new TestHttp("http://127.0.0.1:" + port);
    process = start(port);
    StoredState.populate(http, 20);
    StoredState before = StoredState.read(http);
    process.destroyForcibly().waitFor();

    process = start(port);
    StoredState after = StoredState.read(http);
    assertThat(after.apps()).hasSize(20);
    assertThat(after).isEqualTo(before);
  }

  private Process start(int port) throws IOException {
    assertThat(JAR).as("the packaged scheduler (mvn package)").exists();
    Path log = Files.createTempFile(data, "scheduler", ".log");
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-jar", JAR.toString(), "server")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("BERTH_DATA_DIR", data.resolve("data").toString());
    pb.environment().put("BERTH_HTTP_PORT", Integer.toString(port));
    pb.environment().put("BERTH_ADMIN_PORT", Integer.toString(freePort()));
    pb.environment().put("BERTH_ZK", "embedded");
    Process p = pb.start();
    TestHttp http = new TestHttp("http://127.0.0.1:" + port);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> p.isAlive() && http.get("/ping").statusCode() == 200);
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
