package io.berth.scheduler.store;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The in-memory twin of {@link ZkInstanceStore}. */
public final class InMemoryInstanceStore implements InstanceStore {

  private final Map<String, Instance> records = new ConcurrentSkipListMap<>();

  @Override
  public List<Instance> loadAll() {
    return List.copyOf(records.values());
  }

  @Override
  public void put(Instance instance) {
    records.put(instance.id().value(), instance);
  }

  @Override
  public void delete(InstanceId id) {
    records.remove(id.value());
  }
}
