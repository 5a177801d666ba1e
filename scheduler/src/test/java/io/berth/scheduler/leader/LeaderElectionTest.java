package io.berth.scheduler.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leader election on a real ZooKeeper server: one leads, the others wait in start(). */
class LeaderElectionTest {

  private TestingServer server;
  private final List<CuratorFramework> clients = new CopyOnWriteArrayList<>();
  private final List<String> abdications = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startZooKeeper() throws Exception {
    server = new TestingServer(true);
  }

  @AfterEach
  void stopZooKeeper() throws Exception {
    clients.forEach(CuratorFramework::close);
    server.close();
  }

  private CuratorFramework client() {
    CuratorFramework c = CuratorFrameworkFactory.builder().connectString(server.getConnectString())
        .sessionTimeoutMs(5_000).connectionTimeoutMs(5_000).retryPolicy(new RetryOneTime(100))
        .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy()).build();
    c.start();
    clients.add(c);
    return c;
  }

  private LeaderElection election(CuratorFramework client, String id) {
    return new LeaderElection(() -> client, id, why -> abdications.add(id + ": " + why));
  }

  private static CompletableFuture<Void> startAsync(LeaderElection e) {
    return CompletableFuture.runAsync(() -> {
      try {
        e.start();
      } catch (Exception x) {
        throw new IllegalStateException(x);
      }
    });
  }

  @Test
  void theFirstLeadsAndTheSecondWaitsUntilTheFirstStops() throws Exception {
    LeaderElection a = election(client(), "berth-a:8080");
    LeaderElection b = election(client(), "berth-b:8080");
    a.start();
    assertThat(a.isLeader()).isTrue();

    CompletableFuture<Void> bStarted = startAsync(b);
    await().until(() -> "berth-a:8080".equals(b.leader()));
    assertThat(bStarted).isNotDone();

    a.stop();

    await().until(bStarted::isDone);
    assertThat(b.isLeader()).isTrue();
    assertThat(b.leader()).isEqualTo("berth-b:8080");
    assertThat(abdications).isEmpty();
  }

  @Test
  void aRestartedSchedulerRemovesTheLatchNodeOfItsPreviousRun() throws Exception {
    CuratorFramework crashed = client();
    LeaderElection before = election(crashed, "berth-a:8080");
    before.start();
    // A crash: the old session's node stays until ZooKeeper expires the session.
    assertThat(crashed.getChildren().forPath(LeaderElection.PATH)).hasSize(1);

    LeaderElection after = election(client(), "berth-a:8080");
    CompletableFuture<Void> started = startAsync(after);

    await().until(started::isDone);
    assertThat(after.isLeader()).isTrue();
  }

  @Test
  void aLeaderWhoseSessionIsLostAbdicates() throws Exception {
    CuratorFramework client = client();
    LeaderElection a = election(client, "berth-a:8080");
    a.start();

    client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

    await().until(() -> !abdications.isEmpty());
    assertThat(abdications.get(0)).startsWith("berth-a:8080");
  }
}
