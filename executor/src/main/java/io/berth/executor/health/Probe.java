package io.berth.executor.health;

import java.time.Duration;

/** One way of asking whether a task is healthy; blocking, bounded by {@code timeout}. */
public interface Probe {
  ProbeResult probe(Duration timeout);
}
