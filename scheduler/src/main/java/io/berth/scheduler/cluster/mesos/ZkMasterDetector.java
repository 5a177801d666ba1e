package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.ZKPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leading master as the masters publish it in ZooKeeper: each registers an ephemeral
 * sequential node {@code json.info_<10 digits>} holding its JSON MasterInfo under the path of the
 * zk:// URL, and the lowest sequence leads. Other children ({@code log_replicas}, the protobuf
 * {@code info_} nodes of old masters) are ignored. Connects on the first {@link #next}; a
 * {@link CuratorCache} keeps the answer current.
 */
public final class ZkMasterDetector implements MasterDetector {
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ZkMasterDetector.class);

  private final ZkMasterUrl url;
  private final Duration sessionTimeout;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private CuratorFramework curator;
  private CuratorCache cache;
  private URI leader;
  /** Until the cache has loaded every node, a partial view could name the wrong leader. */
  private volatile boolean initialized;
  private boolean closed;

  public ZkMasterDetector(ZkMasterUrl url, Duration sessionTimeout) {
    this.url = requireNonNull(url, "url");
    this.sessionTimeout = requireNonNull(sessionTimeout, "sessionTimeout");
  }

  /** The current leader; {@code failed} is not used, as only ZooKeeper says who leads. */
  @Override
  public Optional<URI> next(URI failed, Duration wait) throws InterruptedException {
    start();
    long remaining = Math.max(0, wait.toNanos());
    lock.lock();
    try {
      while (leader == null && !closed && remaining > 0) {
        remaining = changed.awaitNanos(remaining);
      }
      return Optional.ofNullable(leader);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (cache != null) {
      cache.close();
    }
    if (curator != null) {
      curator.close();
    }
  }

  @Override
  public String toString() {
    return "ZkMasterDetector[" + url + "]";
  }

  private void start() {
    lock.lock();
    try {
      if (curator != null || closed) {
        return;
      }
      CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
          .connectString(url.connectString())
          .sessionTimeoutMs((int) sessionTimeout.toMillis())
          .connectionTimeoutMs((int) sessionTimeout.toMillis())
          .retryPolicy(new ExponentialBackoffRetry(500, 5));
      url.digest().ifPresent(d -> builder.authorization("digest", d.getBytes(StandardCharsets.UTF_8)));
      curator = builder.build();
      cache = CuratorCache.build(curator, url.path());
      cache.listenable().addListener(CuratorCacheListener.builder()
          .forAll((type, before, after) -> {
            if (initialized) {
              refresh();
            }
          })
          .forInitialized(() -> {
            initialized = true;
            refresh();
          })
          .build());
      LOG.info("Detecting the leading Mesos master at {}", url);
      curator.start();
      cache.start();
    } finally {
      lock.unlock();
    }
  }

  private void refresh() {
    Map<Long, ChildData> masters = cache.stream()
        .filter(node -> url.path().equals(ZKPaths.getPathAndNode(node.getPath()).getPath()))
        .filter(node -> MasterInfoJson.sequence(ZKPaths.getNodeFromPath(node.getPath())).isPresent())
        .collect(Collectors.toMap(
            node -> MasterInfoJson.sequence(ZKPaths.getNodeFromPath(node.getPath())).orElseThrow(),
            node -> node, (a, b) -> a));
    URI found = masters.entrySet().stream()
        .min(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .map(entry -> read(entry.getValue()))
        .orElse(null);
    lock.lock();
    try {
      if (found == null ? leader != null : !found.equals(leader)) {
        LOG.info("Leading Mesos master is now {} (from {})", found == null ? "unknown" : found, url);
      }
      leader = found;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static URI read(ChildData node) {
    try {
      return MasterInfoJson.masterUrl(node.getData());
    } catch (IllegalArgumentException e) {
      LOG.warn("Leading master's node {} does not name a master: {}", node.getPath(), e.getMessage());
      return null;
    }
  }
}
