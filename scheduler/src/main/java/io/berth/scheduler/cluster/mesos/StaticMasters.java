package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A fixed list of masters, tried round-robin: {@link #next} keeps answering the master that last
 * worked and moves on only when that one is reported failed. A non-leading master redirects the
 * client to the leader, so any live entry leads there.
 */
public final class StaticMasters implements MasterDetector {
  private final List<URI> masters;
  private int current;

  public StaticMasters(List<URI> masters) {
    requireNonNull(masters, "masters");
    if (masters.isEmpty()) {
      throw new IllegalArgumentException("at least one Mesos master is needed");
    }
    this.masters = List.copyOf(masters);
  }

  /** From a configured list such as {@code "http://h1:5050,h2:5050"}. */
  public static StaticMasters parse(String value) {
    return new StaticMasters(MasterUrls.parseList(value));
  }

  public List<URI> masters() {
    return masters;
  }

  /** Never blocks: a list always has a master. */
  @Override
  public synchronized Optional<URI> next(URI failed, Duration wait) {
    if (failed != null && masters.get(current).equals(failed)) {
      current = (current + 1) % masters.size();
    }
    return Optional.of(masters.get(current));
  }

  @Override
  public String toString() {
    return "StaticMasters" + masters;
  }
}
