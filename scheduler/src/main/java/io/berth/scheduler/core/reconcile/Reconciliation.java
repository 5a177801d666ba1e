package io.berth.scheduler.core.reconcile;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.UpdateSource;
import io.berth.scheduler.core.reconcile.Decision.Adopt;
import io.berth.scheduler.core.reconcile.Decision.Expunge;
import io.berth.scheduler.core.reconcile.Decision.KillOrphan;
import io.berth.scheduler.core.reconcile.Decision.MarkLost;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Start-up (and driver reconnect): what the store knows against what the cluster runs.
 * <ul>
 *   <li>in both: {@link Adopt} — same id, same container; the cluster's state is applied as a
 *       status update (a given-up instance that still runs is killed by its state machine);
 *   <li>stored, launched, not in the cluster: {@link MarkLost} — it ended while nobody watched (or
 *       the launch never went out); it is replaced with a new id, never relaunched;
 *   <li>stored and ended: {@link Expunge}; stored and SCHEDULED: left waiting;
 *   <li>in the cluster only: {@link KillOrphan};
 *   <li>stored, launched, and <em>unconfirmed</em> — the cluster could not say yet (a new Mesos
 *       master whose agents have not all re-registered): left as it is; the cluster reports it later.
 * </ul>
 * Run it before anything is launched. Then run the {@link Reconciler} as usual.
 */
public final class Reconciliation {

  static final String NOT_FOUND = "not found in the cluster at start-up";

  private Reconciliation() {}

  public static List<Decision> atStartup(Collection<Instance> stored,
                                         Collection<ObservedTask> observed) {
    return atStartup(stored, observed, Set.of());
  }

  /** As above; the task ids in {@code unconfirmed} are neither adopted nor given up. */
  public static List<Decision> atStartup(Collection<Instance> stored, Collection<ObservedTask> observed,
                                         Set<String> unconfirmed) {
    Map<String, ObservedTask> byId = new LinkedHashMap<>();
    observed.forEach(t -> byId.putIfAbsent(t.taskId(), t));
    Set<String> known = new HashSet<>();
    List<Decision> out = new ArrayList<>();
    for (Instance i : stored) {
      known.add(i.id().value());
      ObservedTask task = byId.get(i.id().value());
      if (task != null) {
        out.add(new Adopt(i.id(), new StatusUpdate(task.state(), task.message(), task.healthy(),
            UpdateSource.MASTER, null)));
      } else if (unconfirmed.contains(i.id().value()) && !i.isTerminal()) {
        continue; // no news is not bad news: the cluster has not been able to tell yet
      } else if (i.isTerminal()) {
        out.add(new Expunge(i.id()));
      } else if (i.state() != InstanceState.SCHEDULED) {
        out.add(new MarkLost(i.id(),
            new StatusUpdate(InstanceState.LOST, NOT_FOUND, null, UpdateSource.SCHEDULER, null)));
      }
    }
    byId.values().stream()
        .filter(t -> !known.contains(t.taskId()) && !t.state().isTerminal())
        .forEach(t -> out.add(new KillOrphan(t.taskId(), t.agentId())));
    return out;
  }
}
