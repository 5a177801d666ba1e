package io.berth.scheduler.engine;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.store.InMemoryInstanceStore;
import io.berth.scheduler.store.InstanceStore;
import io.berth.scheduler.store.TransientStoreException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory instance store that can be told to fail a coming write, as ZooKeeper may. */
final class FlakyInstanceStore implements InstanceStore {

  private final InMemoryInstanceStore records = new InMemoryInstanceStore();
  private volatile InstanceState failing;
  private final AtomicInteger skip = new AtomicInteger();

  /** The {@code nth} (1 = next) write of an instance in {@code state} fails, once. */
  void failWrite(int nth, InstanceState state) {
    skip.set(nth - 1);
    failing = state;
  }

  void stopFailing() {
    failing = null;
  }

  @Override
  public List<Instance> loadAll() {
    return records.loadAll();
  }

  @Override
  public void put(Instance instance) {
    if (instance.state() == failing && skip.getAndDecrement() == 0) {
      failing = null;
      throw new TransientStoreException("connection loss writing " + instance.id(), null);
    }
    records.put(instance);
  }

  @Override
  public void delete(InstanceId id) {
    records.delete(id);
  }
}
