package io.berth.scheduler.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/** Instances in ZooKeeper: {@code {root}/instances/{instance id}}, one small JSON znode each. */
public final class ZkInstanceStore implements InstanceStore {

  static final String INSTANCES = "/instances";

  private final ZkConnection zk;
  private final ObjectMapper json;

  public ZkInstanceStore(ZkConnection zk, ObjectMapper json) {
    this.zk = zk;
    this.json = json;
  }

  @Override
  public List<Instance> loadAll() {
    CuratorFramework c = zk.client();
    try {
      Map<String, byte[]> loaded = ZkChildren.readAll(c, INSTANCES);
      return loaded.entrySet().parallelStream().map(e -> parse(e.getKey(), e.getValue())).toList();
    } catch (Exception e) {
      throw ZkAppStore.wrap("load instances", e);
    }
  }

  private Instance parse(String id, byte[] data) {
    try {
      return json.readValue(data, StoredInstance.class).toInstance();
    } catch (IOException | RuntimeException e) {
      throw new StoreException("unreadable instance record " + id, e);
    }
  }

  @Override
  public void put(Instance instance) {
    try {
      zk.client().create().orSetData().creatingParentContainersIfNeeded()
          .forPath(INSTANCES + "/" + instance.id().value(), json.writeValueAsBytes(StoredInstance.of(instance)));
    } catch (Exception e) {
      throw ZkAppStore.wrap("store instance " + instance.id(), e);
    }
  }

  @Override
  public void delete(InstanceId id) {
    try {
      zk.client().delete().guaranteed().forPath(INSTANCES + "/" + id.value());
    } catch (KeeperException.NoNodeException e) {
      // already gone: deleting is idempotent
    } catch (Exception e) {
      throw ZkAppStore.wrap("delete instance " + id, e);
    }
  }
}
