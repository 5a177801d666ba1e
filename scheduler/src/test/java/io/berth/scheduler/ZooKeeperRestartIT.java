package io.berth.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Against a real ZooKeeper server: stop the scheduler, start it again, and every app and version is there. */
@Timeout(180)
class ZooKeeperRestartIT {

  private TestingServer zk;

  @TempDir
  Path data;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zk = new TestingServer(true);
  }

  @AfterEach
  void stopZooKeeper() throws Exception {
    zk.close();
  }

  @Test
  void aRestartedSchedulerFindsEveryAppAndVersion() throws Exception {
    DropwizardTestSupport<SchedulerConfiguration> first = scheduler();
    first.before();
    StoredState before;
    try {
      TestHttp http = new TestHttp("http://127.0.0.1:" + first.getLocalPort());
      StoredState.populate(http, 30);
      assertThat(http.delete("/v2/apps/restart/app-29").statusCode()).isEqualTo(200);
      before = StoredState.read(http);
    } finally {
      first.after();
    }
    assertThat(before.apps()).hasSize(29);
    assertThat(before.versions()).hasSize(29 + 2 * 15);

    DropwizardTestSupport<SchedulerConfiguration> second = scheduler();
    second.before();
    try {
      StoredState after = StoredState.read(new TestHttp("http://127.0.0.1:" + second.getLocalPort()));
      assertThat(after).isEqualTo(before);
    } finally {
      second.after();
    }
  }

  @Test
  void aSecondSchedulerRootIsIsolated() throws Exception {
    DropwizardTestSupport<SchedulerConfiguration> a = scheduler();
    a.before();
    try {
      StoredState.populate(new TestHttp("http://127.0.0.1:" + a.getLocalPort()), 2);
    } finally {
      a.after();
    }
    DropwizardTestSupport<SchedulerConfiguration> b = scheduler(ConfigOverride.config("zooKeeper.root", "/other"));
    b.before();
    try {
      assertThat(StoredState.read(new TestHttp("http://127.0.0.1:" + b.getLocalPort())).apps()).isEmpty();
    } finally {
      b.after();
    }
  }

  private DropwizardTestSupport<SchedulerConfiguration> scheduler(ConfigOverride... extra) throws Exception {
    ConfigOverride[] overrides = new ConfigOverride[4 + extra.length];
    overrides[0] = ConfigOverride.config("dataDir", Files.createDirectories(data.resolve("d")).toString());
    overrides[1] = ConfigOverride.config("zooKeeper.connect", zk.getConnectString());
    overrides[2] = ConfigOverride.config("server.applicationConnectors[0].port", "0");
    overrides[3] = ConfigOverride.config("server.adminConnectors[0].port", "0");
    System.arraycopy(extra, 0, overrides, 4, extra.length);
    return new DropwizardTestSupport<>(SchedulerApplication.class, SchedulerApplication.DEFAULT_CONFIG, overrides);
  }
}
