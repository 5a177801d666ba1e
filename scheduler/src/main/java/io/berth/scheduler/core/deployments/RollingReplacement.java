package io.berth.scheduler.core.deployments;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceIdSource;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.KillReason;
import io.berth.scheduler.core.reconcile.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces instances of an old configuration with new ones within the app's upgrade strategy, as
 * Marathon's rolling upgrade: at least {@code ceil(N × minimumHealthCapacity)} instances stay ready
 * (running, and healthy when the app has health checks), and at most
 * {@code floor(N × (1 + maximumOverCapacity))} are active at once. One step per call: call again
 * after every change of the app's instances until {@link Plan#inProgress()} is false.
 *
 * <p>With {@code minimumHealthCapacity = 1} and {@code maximumOverCapacity = 0} neither a launch nor
 * a kill would be allowed; one extra instance is allowed then, so the replacement always advances.
 */
public final class RollingReplacement {

  private RollingReplacement() {}

  /** The decisions of one step, and whether old instances remain. */
  public record Plan(boolean inProgress, List<Decision> decisions) {
    public Plan {
      decisions = List.copyOf(decisions);
    }
  }

  public static boolean isCurrent(Instance instance, String configVersion) {
    return instance.appVersion().compareTo(configVersion) >= 0;
  }

  /** One step for {@code instances} (all stored instances of the app). */
  public static Plan plan(ReplacementTarget target, List<Instance> instances, InstanceIdSource ids, Instant now) {
    List<Instance> active = instances.stream().filter(Instance::isActive).toList();
    List<Instance> old = active.stream().filter(i -> !isCurrent(i, target.configVersion())).toList();
    if (old.isEmpty()) {
      return new Plan(false, List.of());
    }
    int fresh = active.size() - old.size();
    int n = target.instances();
    int minReady = (int) Math.ceil(n * target.minimumHealthCapacity() - 1e-9);
    int maxActive = (int) Math.floor(n * (1 + target.maximumOverCapacity()) + 1e-9);
    if (minReady >= n && maxActive <= n && n > 0) {
      maxActive = n + 1;
    }
    int readyFresh = (int) active.stream()
        .filter(i -> isCurrent(i, target.configVersion()) && isReady(i, target)).count();

    List<Decision> out = new ArrayList<>();
    List<Instance> killOrder = new ArrayList<>(old);
    killOrder.sort(Comparator.comparing((Instance i) -> isReady(i, target)).thenComparing(Instance::since));
    int readyOld = (int) old.stream().filter(i -> isReady(i, target)).count();
    int readyBudget = Math.max(0, readyFresh + readyOld - minReady);
    int killed = 0;
    for (Instance i : killOrder) {
      boolean ready = isReady(i, target);
      if (!ready || readyBudget > 0) {
        out.add(new Decision.KillInstance(i.id(), KillReason.UPGRADE));
        killed++;
        if (ready) {
          readyBudget--;
        }
      }
    }
    int activeAfter = active.size() - killed;
    int launch = Math.min(n - fresh, maxActive - activeAfter);
    for (int k = 0; k < launch; k++) {
      out.add(new Decision.Schedule(Instance.scheduled(ids.next(target.appId()), target.version(), now)));
    }
    return new Plan(true, out);
  }

  static boolean isReady(Instance i, ReplacementTarget target) {
    return i.state() == InstanceState.RUNNING && (!target.hasHealthChecks() || Boolean.TRUE.equals(i.healthy()));
  }
}
