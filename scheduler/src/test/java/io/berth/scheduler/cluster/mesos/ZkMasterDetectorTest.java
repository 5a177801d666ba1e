package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leader detection from the masters' {@code json.info_} nodes, against a real ZooKeeper. */
@Timeout(60)
class ZkMasterDetectorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestingServer zk;
  private CuratorFramework masters;
  private ZkMasterDetector detector;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zk = new TestingServer();
    masters = CuratorFrameworkFactory.newClient(zk.getConnectString(), new RetryOneTime(100));
    masters.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (detector != null) {
      detector.close();
    }
    masters.close();
    zk.close();
  }

  @Test
  void lowestSequenceLeadsAndTheNextTakesOverWhenItGoes() throws Exception {
    register("json.info_0000000003", "master-3", 5053);
    register("json.info_0000000001", "master-1", 5051);
    detector = detector("/mesos");

    assertThat(detector.next(null, WAIT)).contains(URI.create("http://master-1:5051"));

    masters.delete().forPath("/mesos/json.info_0000000001");
    await().atMost(WAIT).until(() -> detector.next(null, Duration.ZERO),
        leader -> leader.equals(Optional.of(URI.create("http://master-3:5053"))));
  }

  @Test
  void otherChildrenAreIgnored() throws Exception {
    masters.create().creatingParentsIfNeeded().forPath("/mesos/log_replicas/0000000000", new byte[] {1});
    masters.create().forPath("/mesos/info_0000000000", new byte[] {8, 1});
    register("json.info_0000000002", "master-2", 5050);
    detector = detector("/mesos");

    assertThat(detector.next(null, WAIT)).contains(URI.create("http://master-2:5050"));
  }

  @Test
  void withNoMasterNextWaitsThenReturnsEmpty() throws Exception {
    detector = detector("/mesos");

    assertThat(detector.next(null, Duration.ofMillis(300))).isEmpty();
  }

  @Test
  void aWaitingNextReturnsTheFirstMasterToRegister() throws Exception {
    detector = detector("/mesos");
    CompletableFuture<Optional<URI>> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return detector.next(null, WAIT);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    register("json.info_0000000007", "master-7", 5050);

    assertThat(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(URI.create("http://master-7:5050"));
  }

  @Test
  void digestCredentialsFromTheUrlAreUsed() throws Exception {
    String credentials = "mesos:s3cret";
    List<ACL> onlyMesos = List.of(new ACL(ZooDefs.Perms.ALL,
        new Id("digest", DigestAuthenticationProvider.generateDigest(credentials))));
    try (CuratorFramework owner = CuratorFrameworkFactory.builder().connectString(zk.getConnectString())
        .authorization("digest", credentials.getBytes(StandardCharsets.UTF_8)).retryPolicy(new RetryOneTime(100)).build()) {
      owner.start();
      owner.create().withACL(onlyMesos).forPath("/secure", new byte[0]);
      owner.create().withACL(onlyMesos).forPath("/secure/json.info_0000000001", masterInfo("master-s", 5050));
    }
    detector = new ZkMasterDetector(
        ZkMasterUrl.parse("zk://" + credentials + "@" + zk.getConnectString() + "/secure"), WAIT);

    assertThat(detector.next(null, WAIT)).contains(URI.create("http://master-s:5050"));
  }

  private ZkMasterDetector detector(String path) {
    return new ZkMasterDetector(ZkMasterUrl.parse("zk://" + zk.getConnectString() + path), WAIT);
  }

  private void register(String node, String host, int port) throws Exception {
    masters.create().creatingParentsIfNeeded().forPath("/mesos/" + node, masterInfo(host, port));
  }

  /** What a Mesos 1.11 master writes, with the top-level fields disagreeing to show which ones win. */
  private static byte[] masterInfo(String host, int port) {
    return ("{\"address\":{\"hostname\":\"" + host + "\",\"ip\":\"10.0.0.1\",\"port\":" + port + "},"
        + "\"hostname\":\"ignored-" + host + "\",\"id\":\"" + host + "-id\",\"ip\":16777226,"
        + "\"pid\":\"master@10.0.0.1:" + port + "\",\"port\":5999,\"version\":\"1.11.0\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
