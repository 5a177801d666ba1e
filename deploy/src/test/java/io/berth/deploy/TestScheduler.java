package io.berth.deploy;

import io.berth.api.client.BerthClient;
import io.berth.api.model.App;
import io.berth.scheduler.SchedulerApplication;
import io.berth.scheduler.SchedulerConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real scheduler application for the deploy module's ITs: bundled configuration, embedded
 * ZooKeeper with its data in a fresh temp directory, HTTP and admin on free ports, and no Docker
 * engine (so no task ever runs: {@code tasksRunning} stays 0).
 */
final class TestScheduler {

  static {
    // The CLI ships slf4j-nop (it must print nothing but its own output); Dropwizard needs Logback.
    // Both are on this test classpath, so name the provider before anything logs.
    System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
    // These tests are about the API, not containers. The local cluster would otherwise connect to
    // the machine's Docker engine, launch the test apps, and, starting with an empty store, treat
    // pods of other test runs on that engine as strangers. docker-java reads DOCKER_HOST from
    // system properties too: point it at nothing, so the cluster stays disconnected.
    System.setProperty("DOCKER_HOST", "unix:///nonexistent/berth-deploy-it/docker.sock");
  }

  private TestScheduler() {}

  static DropwizardAppExtension<SchedulerConfiguration> app() {
    return new DropwizardAppExtension<>(SchedulerApplication.class, SchedulerApplication.DEFAULT_CONFIG,
        ConfigOverride.config("dataDir", tempDir().toString()),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("helpers.enabled", "off"));
  }

  static String url(DropwizardAppExtension<SchedulerConfiguration> app) {
    return "http://127.0.0.1:" + app.getLocalPort();
  }

  /** Deletes every app, so each test starts from an empty server. */
  static void deleteAllApps(BerthClient berth) {
    for (App app : berth.apps().apps()) {
      berth.deleteApp(app.id(), true);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("berth-deploy-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
