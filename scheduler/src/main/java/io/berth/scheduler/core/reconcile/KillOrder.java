package io.berth.scheduler.core.reconcile;

import io.berth.api.model.KillSelection;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import java.util.Comparator;

/**
 * Which instances go first when an app has too many: the least useful first (unreachable, not yet
 * launched, launching, unhealthy, health unknown, healthy), and within each group the youngest or
 * the oldest first by {@code killSelection} (age from startedAt, else stagedAt, else creation).
 */
final class KillOrder {

  private KillOrder() {}

  static Comparator<Instance> of(KillSelection selection) {
    Comparator<Instance> byAge = Comparator.comparing(Instance::since);
    if (selection == KillSelection.YOUNGEST_FIRST) {
      byAge = byAge.reversed();
    }
    return Comparator.comparingInt(KillOrder::usefulness).thenComparing(byAge)
        .thenComparing(i -> i.id().value());
  }

  /** Lower is killed first. */
  static int usefulness(Instance instance) {
    InstanceState state = instance.state();
    if (state == InstanceState.UNREACHABLE) {
      return 0;
    }
    if (state == InstanceState.SCHEDULED) {
      return 1;
    }
    if (state != InstanceState.RUNNING) {
      return 2;
    }
    if (Boolean.FALSE.equals(instance.healthy())) {
      return 3;
    }
    return instance.healthy() == null ? 4 : 5;
  }
}
