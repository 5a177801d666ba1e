package io.berth.scheduler.cluster.mesos;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the Mesos masters are: a fixed list ({@link StaticMasters}) or the leader the masters
 * publish in ZooKeeper ({@link ZkMasterDetector}). A master is a base URL such as
 * {@code http://host:5050}; the scheduler endpoint is {@code /api/v1/scheduler} under it.
 */
public interface MasterDetector extends AutoCloseable {

  /**
   * The master to try next. {@link MesosClient} calls it before every SUBSCRIBE attempt;
   * {@code failed} names the master this detector gave for the attempt that just failed (refused
   * or timed-out connection, a status other than 200 after any redirects, a stream that ended
   * before SUBSCRIBED); it is null the first time and after a subscription that worked. Blocks at
   * most {@code wait} for a master to be known; empty if none.
   */
  Optional<URI> next(URI failed, Duration wait) throws InterruptedException;

  /** Releases what the detector holds (a ZooKeeper session); the default has nothing to release. */
  @Override
  default void close() {}

  /**
   * Reads {@code BERTH_MESOS_MASTER}: {@code http://h1:5050,http://h2:5050} (bare {@code host:port}
   * entries too) gives {@link StaticMasters}; {@code zk://[user:pass@]h1:2181,h2:2181/mesos} gives a
   * {@link ZkMasterDetector} that connects on its first {@link #next}.
   */
  static MasterDetector fromConfig(String value) {
    return fromConfig(value, ZkMasterDetector.DEFAULT_SESSION_TIMEOUT);
  }

  /** As {@link #fromConfig(String)}, with the ZooKeeper session timeout for zk:// values. */
  static MasterDetector fromConfig(String value, Duration zkSessionTimeout) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the Mesos master must be given: a URL list or a zk:// URL");
    }
    String trimmed = value.trim();
    if (trimmed.regionMatches(true, 0, "zk://", 0, 5)) {
      return new ZkMasterDetector(ZkMasterUrl.parse(trimmed), zkSessionTimeout);
    }
    return new StaticMasters(MasterUrls.parseList(trimmed));
  }

  /**
   * The master setting fit to log or show: credentials in a URL ({@code zk://user:secret@h/mesos},
   * {@code http://user:secret@h:5050}) become {@code ***}.
   */
  static String redact(String value) {
    return value == null ? null : value.replaceAll("(?<=://)[^/@,]*@", "***@");
  }
}
