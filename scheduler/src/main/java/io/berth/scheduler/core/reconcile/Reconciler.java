package io.berth.scheduler.core.reconcile;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceIdSource;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.KillReason;
import io.berth.scheduler.core.reconcile.Decision.Expunge;
import io.berth.scheduler.core.reconcile.Decision.KillInstance;
import io.berth.scheduler.core.reconcile.Decision.KillOrphan;
import io.berth.scheduler.core.reconcile.Decision.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Desired apps against stored instances (and the tasks the cluster reports) to decisions: schedule
 * missing instances, kill surplus ones by {@code killSelection}, expunge ended ones, replace
 * unreachable ones after their grace, kill instances of removed apps and tasks the store does not
 * know. Pure; run it after every change and periodically. It counts instances of every version:
 * replacing old versions is the deployment planner's job.
 */
public final class Reconciler {

  private final InstanceIdSource ids;
  private final ReconcilerSettings settings;

  public Reconciler(InstanceIdSource ids, ReconcilerSettings settings) {
    this.ids = requireNonNull(ids, "ids");
    this.settings = requireNonNull(settings, "settings");
  }

  public Reconciler(InstanceIdSource ids) {
    this(ids, ReconcilerSettings.DEFAULT);
  }

  /**
   * @param clusterTasks tasks the cluster reports (all, or only those it found unknown); those whose
   *     id is not a stored instance are killed
   */
  public List<Decision> reconcile(Collection<DesiredApp> apps, Collection<Instance> instances,
                                  Collection<ObservedTask> clusterTasks, Instant now) {
    Map<String, DesiredApp> desired = apps.stream()
        .collect(Collectors.toMap(DesiredApp::appId, Function.identity(), (a, b) -> {
          throw new IllegalArgumentException("app " + a.appId() + " given twice");
        }));
    Map<String, List<Instance>> byApp = new TreeMap<>();
    instances.forEach(i -> byApp.computeIfAbsent(i.appId(), k -> new ArrayList<>()).add(i));
    Set<String> appIds = new TreeSet<>(byApp.keySet());
    appIds.addAll(desired.keySet());

    List<Decision> out = new ArrayList<>();
    for (String appId : appIds) {
      List<Instance> list = byApp.getOrDefault(appId, List.of());
      DesiredApp app = desired.get(appId);
      if (app == null) {
        removed(list, out);
      } else {
        new AppReconciliation(app, settings, now).run(list, ids, out);
      }
    }
    orphans(instances, clusterTasks, out);
    return out;
  }

  /** The app is gone: kill what runs, forget what ended. */
  private static void removed(List<Instance> list, List<Decision> out) {
    for (Instance i : list) {
      if (i.isTerminal()) {
        out.add(new Expunge(i.id()));
      } else if (!i.isDecommissioned()) {
        out.add(new KillInstance(i.id(), KillReason.APP_REMOVED));
      } else if (i.state() == InstanceState.UNREACHABLE) {
        out.add(new Expunge(i.id()));
      }
    }
  }

  private static void orphans(Collection<Instance> instances, Collection<ObservedTask> tasks,
                              List<Decision> out) {
    Set<String> known = new HashSet<>();
    instances.forEach(i -> known.add(i.id().value()));
    tasks.stream()
        .filter(t -> !known.contains(t.taskId()) && !t.state().isTerminal())
        .map(t -> new KillOrphan(t.taskId(), t.agentId()))
        .distinct()
        .forEach(out::add);
  }

  /** Scheduling is count-based: replacements are new instances with new ids. */
  static Schedule schedule(InstanceIdSource ids, DesiredApp app, Instant now) {
    return new Schedule(Instance.scheduled(ids.next(app.appId()), app.version(), now));
  }
}
