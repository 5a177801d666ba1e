package io.berth.scheduler.core.instances;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where new instance ids come from. The core never makes randomness itself: the engine passes
 * {@code InstanceIdSource.of(UUID::randomUUID)}, tests pass a counter.
 */
@FunctionalInterface
public interface InstanceIdSource {

  /** A fresh id, never returned before, for a new instance of {@code appId}. */
  InstanceId next(String appId);

  static InstanceIdSource of(Supplier<UUID> uuids) {
    return appId -> InstanceId.forApp(appId, uuids.get());
  }
}
