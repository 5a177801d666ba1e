package io.berth.scheduler.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.model.App;
import io.berth.api.model.PathId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Apps in ZooKeeper, one small znode each, never one big node:
 * <pre>
 *   {root}/apps/{key}                 the current definition (JSON)
 *   {root}/app-versions/{key}/{ver}   one znode per stored version, oldest dropped past the limit
 * </pre>
 * {@code key} is the app id with '/' as '_' (path ids cannot contain '_'). A change of the current
 * definition and its version record is one ZooKeeper transaction, guarded by the znode version
 * (compare-and-set), so two writers can never silently overwrite each other.
 */
public final class ZkAppStore implements AppStore {

  static final String APPS = "/apps";
  static final String VERSIONS = "/app-versions";

  private final ZkConnection zk;
  private final ObjectMapper json;
  private final int maxVersions;

  public ZkAppStore(ZkConnection zk, ObjectMapper json, int maxVersions) {
    this.zk = zk;
    this.json = json;
    this.maxVersions = maxVersions;
  }

  static String key(String appId) {
    return String.join("_", PathId.segments(appId));
  }

  private static String appPath(String appId) {
    return APPS + "/" + key(appId);
  }

  private static String versionsPath(String appId) {
    return VERSIONS + "/" + key(appId);
  }

  @Override
  public List<App> loadAll() {
    CuratorFramework c = zk.client();
    try {
      Map<String, byte[]> loaded = ZkChildren.readAll(c, APPS);
      // Parsing is the expensive part: done on all cores, not on ZooKeeper's event thread.
      return loaded.entrySet().parallelStream().map(e -> parse(e.getKey(), e.getValue()))
          .sorted(Comparator.comparing(App::id)).toList();
    } catch (Exception e) {
      throw wrap("load apps", e);
    }
  }

  private App parse(String key, byte[] data) {
    try {
      return json.readValue(data, App.class);
    } catch (IOException e) {
      throw new StoreException("unreadable app record " + key, e);
    }
  }

  @Override
  public void create(App app) {
    CuratorFramework c = zk.client();
    try {
      ensureParents(c);
      byte[] data = json.writeValueAsBytes(app);
      List<CuratorOp> ops = new ArrayList<>();
      ops.add(c.transactionOp().create().forPath(appPath(app.id()), data));
      if (c.checkExists().forPath(versionsPath(app.id())) == null) {
        ops.add(c.transactionOp().create().forPath(versionsPath(app.id())));
      } else {
        // left by a delete that stopped halfway (before deletes were one transaction): a new app starts afresh
        for (String stale : c.getChildren().forPath(versionsPath(app.id()))) {
          ops.add(c.transactionOp().delete().forPath(versionsPath(app.id()) + "/" + stale));
        }
      }
      ops.add(c.transactionOp().create().forPath(versionsPath(app.id()) + "/" + app.version(), data));
      c.transaction().forOperations(ops);
    } catch (KeeperException.NodeExistsException e) {
      throw new ConcurrentModificationException("app " + app.id() + " already exists");
    } catch (Exception e) {
      throw wrap("create " + app.id(), e);
    }
  }

  @Override
  public void update(App next, String expectedVersion) {
    CuratorFramework c = zk.client();
    try {
      Stat stat = new Stat();
      App stored = json.readValue(c.getData().storingStatIn(stat).forPath(appPath(next.id())), App.class);
      if (!expectedVersion.equals(stored.version())) {
        throw new ConcurrentModificationException(
            "app " + next.id() + " is at version " + stored.version() + ", not " + expectedVersion);
      }
      byte[] data = json.writeValueAsBytes(next);
      List<CuratorOp> ops = new ArrayList<>();
      ops.add(c.transactionOp().setData().withVersion(stat.getVersion()).forPath(appPath(next.id()), data));
      ops.add(c.transactionOp().create().forPath(versionsPath(next.id()) + "/" + next.version(), data));
      List<String> old = versions(next.id());
      for (int i = maxVersions - 1; i < old.size(); i++) {
        ops.add(c.transactionOp().delete().forPath(versionsPath(next.id()) + "/" + old.get(i)));
      }
      c.transaction().forOperations(ops);
    } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
      throw new ConcurrentModificationException("app " + next.id() + " changed concurrently");
    } catch (KeeperException.NoNodeException e) {
      throw new ConcurrentModificationException("app " + next.id() + " no longer exists");
    } catch (StoreException e) {
      throw e;
    } catch (Exception e) {
      throw wrap("update " + next.id(), e);
    }
  }

  @Override
  public boolean delete(String appId) {
    CuratorFramework c = zk.client();
    try {
      if (c.checkExists().forPath(appPath(appId)) == null) {
        return false;
      }
      // One transaction: a crash or lost connection leaves the app whole or gone, never half-deleted
      // (and no background retry of a "guaranteed" delete can later hit a re-created app).
      List<CuratorOp> ops = new ArrayList<>();
      if (c.checkExists().forPath(versionsPath(appId)) != null) {
        for (String v : c.getChildren().forPath(versionsPath(appId))) {
          ops.add(c.transactionOp().delete().forPath(versionsPath(appId) + "/" + v));
        }
        ops.add(c.transactionOp().delete().forPath(versionsPath(appId)));
      }
      ops.add(c.transactionOp().delete().forPath(appPath(appId)));
      c.transaction().forOperations(ops);
      return true;
    } catch (KeeperException.NoNodeException | KeeperException.NotEmptyException e) {
      if (zkExists(c, appPath(appId))) {
        throw new ConcurrentModificationException("app " + appId + " changed while being deleted");
      }
      return false;
    } catch (StoreException e) {
      throw e;
    } catch (Exception e) {
      throw wrap("delete " + appId, e);
    }
  }

  @Override
  public List<String> versions(String appId) {
    try {
      List<String> v = new ArrayList<>(zk.client().getChildren().forPath(versionsPath(appId)));
      v.sort(Comparator.reverseOrder());
      return v;
    } catch (KeeperException.NoNodeException e) {
      return List.of();
    } catch (Exception e) {
      throw wrap("list versions of " + appId, e);
    }
  }

  @Override
  public Optional<App> version(String appId, String version) {
    try {
      return Optional.of(json.readValue(
          zk.client().getData().forPath(versionsPath(appId) + "/" + version), App.class));
    } catch (KeeperException.NoNodeException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (Exception e) {
      throw wrap("read version " + version + " of " + appId, e);
    }
  }

  private static boolean zkExists(CuratorFramework c, String path) {
    try {
      return c.checkExists().forPath(path) != null;
    } catch (Exception e) {
      throw wrap("check " + path, e);
    }
  }

  private static void ensureParents(CuratorFramework c) throws Exception {
    for (String p : List.of(APPS, VERSIONS)) {
      if (c.checkExists().forPath(p) == null) {
        try {
          c.create().creatingParentContainersIfNeeded().forPath(p);
        } catch (KeeperException.NodeExistsException ignored) {
          // created concurrently: fine
        }
      }
    }
  }

  static StoreException wrap(String what, Exception e) {
    if (e instanceof StoreException se) {
      return se;
    }
    if (e instanceof KeeperException.ConnectionLossException || e instanceof KeeperException.SessionExpiredException
        || e instanceof KeeperException.OperationTimeoutException || e instanceof InterruptedException) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new TransientStoreException("ZooKeeper unavailable during " + what, e);
    }
    return new StoreException("ZooKeeper failed during " + what, e);
  }
}
