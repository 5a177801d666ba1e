package io.berth.scheduler.store;

import io.berth.scheduler.cluster.mesos.FrameworkIdStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;

/** The framework id in ZooKeeper, at {@code <root>/mesos/framework-id}. */
public final class ZkFrameworkIdStore implements FrameworkIdStore {

  static final String PATH = "/mesos/framework-id";

  private final ZkConnection zk;

  public ZkFrameworkIdStore(ZkConnection zk) {
    this.zk = zk;
  }

  @Override
  public Optional<String> get() {
    try {
      byte[] data = zk.client().getData().forPath(PATH);
      String id = new String(data, StandardCharsets.UTF_8).trim();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (Exception e) {
      throw new TransientStoreException("cannot read the Mesos framework id from ZooKeeper", e);
    }
  }

  @Override
  public void put(String frameworkId) {
    try {
      zk.client().create().orSetData().creatingParentContainersIfNeeded()
          .forPath(PATH, frameworkId.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new TransientStoreException("cannot store the Mesos framework id in ZooKeeper", e);
    }
  }
}
