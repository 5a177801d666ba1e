package io.berth.scheduler.leader;

import static java.util.Objects.requireNonNull;

import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Berth scheduler acts at a time. Several may share a ZooKeeper root (a standby per machine);
 * each waits here, in {@link #start()}, before anything that reads the store, talks to the cluster
 * or serves the API starts. The one that leads and then loses leadership (its ZooKeeper session
 * expired, say) stops at once through {@link Abdication}: another scheduler may already be acting,
 * and two acting schedulers could launch one instance twice. A supervisor (systemd) starts it
 * again, as a standby.
 *
 * <p>A scheduler restarted after a crash finds the latch node of its previous self (same id) until
 * that session expires; it removes it instead of waiting for the expiry.
 */
public final class LeaderElection implements Managed {

  static final String PATH = "/leader";
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final Supplier<CuratorFramework> zk;
  private final String id;
  private final Abdication abdication;
  private LeaderLatch latch;

  /** What a scheduler that lost leadership does: by default, halt the process. */
  public interface Abdication {
    void abdicate(String why);

    static Abdication halt() {
      return why -> {
        LOG.error("Lost leadership ({}); stopping now so that no two schedulers act at once", why);
        Runtime.getRuntime().halt(70);
      };
    }
  }

  /** @param id this scheduler's {@code host:port}, shown to the others as the leader */
  public LeaderElection(Supplier<CuratorFramework> zk, String id, Abdication abdication) {
    this.zk = requireNonNull(zk, "zk");
    this.id = requireNonNull(id, "id");
    this.abdication = requireNonNull(abdication, "abdication");
  }

  @Override
  public void start() throws Exception {
    CuratorFramework client = zk.get();
    removeStaleSelf(client);
    latch = new LeaderLatch(client, PATH, id, LeaderLatch.CloseMode.SILENT);
    latch.addListener(new LeaderLatchListener() {
      @Override
      public void isLeader() {
        LOG.info("This scheduler ({}) is the leader", id);
      }

      @Override
      public void notLeader() {
        abdication.abdicate("the ZooKeeper latch says another scheduler leads or the session was lost");
      }
    });
    latch.start();
    if (!latch.hasLeadership()) {
      LOG.info("Waiting for leadership as {}; the leader is {}", id, leader());
    }
    latch.await();
  }

  @Override
  public void stop() throws Exception {
    if (latch != null) {
      latch.close();
    }
  }

  public boolean isLeader() {
    return latch != null && latch.hasLeadership();
  }

  /** The leader's id ({@code host:port}), or null while none is known. */
  public String leader() {
    try {
      Participant leader = latch == null ? null : latch.getLeader();
      return leader == null || leader.getId().isEmpty() ? null : leader.getId();
    } catch (Exception e) {
      return null;
    }
  }

  private void removeStaleSelf(CuratorFramework client) throws Exception {
    if (client.checkExists().forPath(PATH) == null) {
      return;
    }
    List<String> children = client.getChildren().forPath(PATH);
    for (String child : children) {
      String path = PATH + "/" + child;
      try {
        byte[] data = client.getData().forPath(path);
        if (id.equals(new String(data, StandardCharsets.UTF_8))) {
          LOG.warn("Removing the latch node {} of this scheduler's previous run ({}), instead of waiting for its"
              + " ZooKeeper session to expire", child, id);
          client.delete().forPath(path);
        }
      } catch (org.apache.zookeeper.KeeperException.NoNodeException gone) {
        // expired meanwhile
      }
    }
  }
}
