package io.berth.scheduler.store;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import java.util.List;

/**
 * Instances, one record each. A write returns only once it is durable: the engine launches an
 * instance only after its record says where and what it launches.
 */
public interface InstanceStore {

  List<Instance> loadAll();

  /** Creates or replaces the record of {@code instance.id()}. */
  void put(Instance instance);

  /** Deletes the record; nothing happens when there is none. */
  void delete(InstanceId id);
}
