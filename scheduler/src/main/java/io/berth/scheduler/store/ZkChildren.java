package io.berth.scheduler.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Reads every child of a znode at once: all reads are sent together (pipelined on the session),
 * so loading thousands of records costs a few round trips, not one each. A child deleted meanwhile
 * is skipped.
 */
final class ZkChildren {

  private static final long TIMEOUT_SECONDS = 120;

  private ZkChildren() {}

  /** Child name to data; empty when {@code parent} does not exist. */
  static Map<String, byte[]> readAll(CuratorFramework c, String parent) throws Exception {
    List<String> names = c.checkExists().forPath(parent) == null ? List.of() : c.getChildren().forPath(parent);
    Map<String, byte[]> loaded = new ConcurrentHashMap<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(names.size());
    for (String name : names) {
      c.getData().inBackground((client, event) -> {
        try {
          if (event.getResultCode() == KeeperException.Code.OK.intValue()) {
            loaded.put(name, event.getData());
          } else if (event.getResultCode() != KeeperException.Code.NONODE.intValue()) {
            failure.compareAndSet(null, KeeperException.create(KeeperException.Code.get(event.getResultCode())));
          }
        } finally {
          done.countDown();
        }
      }).forPath(parent + "/" + name);
    }
    if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new TransientStoreException("timed out reading " + names.size() + " records under " + parent, null);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return loaded;
  }
}
