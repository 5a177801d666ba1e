package io.berth.executor.pod;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A Docker log driver and its options (all strings, as the daemon wants them). */
public record LogDriver(String type, Map<String, String> options) {

  public LogDriver {
    Objects.requireNonNull(type, "type");
    options = Map.copyOf(options);
  }

  /** Options in key order, for stable output in logs and tests. */
  public Map<String, String> sortedOptions() {
    return new TreeMap<>(options);
  }
}
