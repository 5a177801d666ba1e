package io.berth.scheduler.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single ZooKeeper server inside the scheduler's process (local mode). Its snapshots and
 * transaction log live under {@code dataDir} and are synced on every write, so a {@code kill -9}
 * loses nothing that was acknowledged. It listens on loopback only.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);

  private static final long STARTUP_TIMEOUT_MS = 60_000;

  private final ZooKeeperServerEmbedded server;
  private final String connectString;

  private EmbeddedZooKeeper(ZooKeeperServerEmbedded server, String connectString) {
    this.server = server;
    this.connectString = connectString;
  }

  static EmbeddedZooKeeper start(Path dataDir) {
    try {
      Path dir = Files.createDirectories(dataDir.toAbsolutePath());
      int port = freeLoopbackPort();
      Properties props = new Properties();
      props.setProperty("clientPort", Integer.toString(port));
      props.setProperty("clientPortAddress", "127.0.0.1");
      props.setProperty("dataDir", dir.resolve("data").toString());
      props.setProperty("dataLogDir", dir.resolve("log").toString());
      props.setProperty("tickTime", "2000");
      props.setProperty("maxClientCnxns", "0");
      props.setProperty("admin.enableServer", "false");
      props.setProperty("autopurge.snapRetainCount", "3");
      props.setProperty("autopurge.purgeInterval", "1");
      props.setProperty("4lw.commands.whitelist", "ruok,srvr,mntr");
      ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder()
          .baseDir(dir)
          .configuration(props)
          .exitHandler(ExitHandler.LOG_ONLY)
          .build();
      server.start(STARTUP_TIMEOUT_MS);
      String connect = "127.0.0.1:" + port;
      LOG.info("Embedded ZooKeeper listening on {} with data in {}", connect, dir);
      return new EmbeddedZooKeeper(server, connect);
    } catch (Exception e) {
      throw new StoreException("cannot start the embedded ZooKeeper server in " + dataDir, e);
    }
  }

  String connectString() {
    return connectString;
  }

  @Override
  public void close() {
    server.close();
    LOG.info("Embedded ZooKeeper stopped");
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
