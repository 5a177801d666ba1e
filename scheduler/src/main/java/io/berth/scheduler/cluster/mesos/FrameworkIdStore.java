package io.berth.scheduler.cluster.mesos;

import java.util.Optional;

/**
 * Where Berth keeps the framework id Mesos gave it. It is stored before the first task is launched
 * and read before every SUBSCRIBE: a scheduler that forgot it would register as a new framework,
 * and Mesos would kill every task of the old one when its failover timeout ran out.
 */
public interface FrameworkIdStore {

  Optional<String> get();

  /** Stores {@code frameworkId}; fails (throws) rather than returning without having stored it. */
  void put(String frameworkId);
}
