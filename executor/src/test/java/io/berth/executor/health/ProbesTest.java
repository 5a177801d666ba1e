package io.berth.executor.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.berth.api.model.HealthCheck;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes against small local servers (no Docker). */
class ProbesTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private int serve(HttpServer s) {
    s.createContext("/ok", e -> answer(e, 200));
    s.createContext("/moved", e -> {
      e.getResponseHeaders().add("Location", "/elsewhere");
      answer(e, 302);
    });
    s.createContext("/broken", e -> answer(e, 503));
    s.createContext("/slow", e -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      answer(e, 200);
    });
    s.start();
    server = s;
    return s.getAddress().getPort();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange e, int status) throws java.io.IOException {
    e.sendResponseHeaders(status, -1);
    e.close();
  }

  private static HealthCheck check(String protocol, String path, int port) {
    return new HealthCheck(protocol, path, null, port, null, 0, 1, 1, 3, null, false, null);
  }

  private static ProbeResult.Outcome probe(HealthCheck check) {
    return Probes.of(check, List.of(), null, null).probe(Duration.ofSeconds(1)).outcome();
  }

  @Test
  void httpIsHealthyOn2xxAnd3xxAndFailsOnErrorsAndTimeouts() throws Exception {
    int port = serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    assertThat(probe(check("HTTP", "/ok", port))).isEqualTo(ProbeResult.Outcome.HEALTHY);
    assertThat(probe(check("MESOS_HTTP", "/moved", port))).isEqualTo(ProbeResult.Outcome.HEALTHY);
    assertThat(probe(check("HTTP", "/broken", port))).isEqualTo(ProbeResult.Outcome.FAILED);
    assertThat(probe(check("HTTP", "/slow", port))).isEqualTo(ProbeResult.Outcome.FAILED);
  }

  @Test
  void httpsTrustsASelfSignedCertificate(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("probe.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "probe", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=not-localhost",
        "-validity", "1", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(keystore)).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    int port = serve(https);
    assertThat(probe(check("HTTPS", "/ok", port))).isEqualTo(ProbeResult.Outcome.HEALTHY);
    assertThat(probe(check("HTTPS", "/broken", port))).isEqualTo(ProbeResult.Outcome.FAILED);
  }

  @Test
  void tcpIsHealthyWhenAConnectionIsAccepted() throws Exception {
    int closedPort;
    try (ServerSocket open = new ServerSocket(0)) {
      assertThat(probe(check("TCP", null, open.getLocalPort()))).isEqualTo(ProbeResult.Outcome.HEALTHY);
      closedPort = open.getLocalPort();
    }
    assertThat(probe(check("TCP", null, closedPort))).isEqualTo(ProbeResult.Outcome.FAILED);
  }

  @Test
  void portIndexPicksTheTasksHostPort() {
    HealthCheck byIndex = new HealthCheck("HTTP", "/", 1, null, null, 0, 1, 1, 3, null, false, null);
    assertThat(Probes.port(byIndex, List.of(31000, 31001))).isEqualTo(31001);
  }
}
