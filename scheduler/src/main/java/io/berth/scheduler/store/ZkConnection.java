package io.berth.scheduler.store;

import io.berth.scheduler.config.ZooKeeperConfig;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's one ZooKeeper session: starts the embedded server first when configured, then a
 * Curator client namespaced under the configured root. Stores use {@link #client()} once started.
 */
public final class ZkConnection implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(ZkConnection.class);

  private final ZooKeeperConfig config;
  private final Path dataDir;
  private EmbeddedZooKeeper embedded;
  private CuratorFramework root;
  private CuratorFramework client;

  public ZkConnection(ZooKeeperConfig config, Path dataDir) {
    this.config = Objects.requireNonNull(config, "config");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
  }

  @Override
  public synchronized void start() throws InterruptedException {
    if (client != null) {
      return;
    }
    String connect = config.connect();
    if (config.isEmbedded()) {
      embedded = EmbeddedZooKeeper.start(dataDir.resolve("zookeeper"));
      connect = embedded.connectString();
    }
    root = CuratorFrameworkFactory.builder()
        .connectString(connect)
        .sessionTimeoutMs(config.sessionTimeoutMs())
        .connectionTimeoutMs(config.connectionTimeoutMs())
        .retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000))
        // Leadership ends when the session is lost, not on every short disconnection.
        .connectionStateErrorPolicy(new org.apache.curator.framework.state.SessionConnectionStateErrorPolicy())
        .build();
    root.start();
    if (!root.blockUntilConnected(config.connectionTimeoutMs(), TimeUnit.MILLISECONDS)) {
      root.close();
      throw new TransientStoreException("cannot reach ZooKeeper at " + connect, null);
    }
    client = root.usingNamespace(config.namespace());
    LOG.info("Connected to ZooKeeper at {} under {}", connect, config.root());
  }

  /** The namespaced client; only valid after {@link #start()}. */
  public synchronized CuratorFramework client() {
    if (client == null) {
      throw new IllegalStateException("ZooKeeper connection not started");
    }
    return client;
  }

  public synchronized String connectString() {
    return embedded != null ? embedded.connectString() : config.connect();
  }

  @Override
  public synchronized void stop() {
    if (root != null) {
      root.close();
      root = null;
      client = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
