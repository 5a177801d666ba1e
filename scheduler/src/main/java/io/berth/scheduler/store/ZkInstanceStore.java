package io.berth.scheduler.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
      List<String> ids = c.checkExists().forPath(INSTANCES) == null ? List.of() : c.getChildren().forPath(INSTANCES);
      ConcurrentMap<String, byte[]> loaded = new ConcurrentHashMap<>();
      AtomicReference<Exception> failure = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(ids.size());
      for (String id : ids) {
        c.getData().inBackground((client, event) -> {
          try {
            if (event.getResultCode() == KeeperException.Code.OK.intValue()) {
              loaded.put(id, event.getData());
            } else if (event.getResultCode() != KeeperException.Code.NONODE.intValue()) {
              failure.compareAndSet(null, KeeperException.create(KeeperException.Code.get(event.getResultCode())));
            }
          } finally {
            done.countDown();
          }
        }).forPath(INSTANCES + "/" + id);
      }
      if (!done.await(120, TimeUnit.SECONDS)) {
        throw new TransientStoreException("timed out loading " + ids.size() + " instances", null);
      }
      if (failure.get() != null) {
        throw ZkAppStore.wrap("load instances", failure.get());
      }
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
