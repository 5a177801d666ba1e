package io.berth.scheduler.core.backoff;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launch queue, seen from the instances: those SCHEDULED (stored, meant to run, not yet
 * launched) wait; an app's {@link LaunchDelay} says until when. Pure views, computed on demand.
 */
public final class LaunchQueue {

  private static final Comparator<Instance> OLDEST_FIRST =
      Comparator.comparing(Instance::stateChangedAt).thenComparing(i -> i.id().value());

  private LaunchQueue() {}

  /** One entry per app with waiting instances, ordered by app id (feeds {@code GET /v2/queue}). */
  public static List<QueueEntry> view(Collection<Instance> instances, Map<String, LaunchDelay> delays,
                                      Instant now) {
    Map<String, List<Instance>> byApp = new LinkedHashMap<>();
    waiting(instances).forEach(i -> byApp.computeIfAbsent(i.appId(), k -> new ArrayList<>()).add(i));
    List<QueueEntry> out = new ArrayList<>();
    byApp.keySet().stream().sorted().forEach(appId -> {
      List<Instance> list = byApp.get(appId);
      Instance oldest = list.get(0);
      LaunchDelay delay = delays.getOrDefault(appId, LaunchDelay.none(appId));
      out.add(new QueueEntry(appId, newestVersion(list), list.size(), oldest.stateChangedAt(),
          delay.timeLeftSeconds(now), delay.overdue(now)));
    });
    return out;
  }

  /** The waiting instances whose app is not delayed, oldest first: what offers may be used for. */
  public static List<Instance> launchable(Collection<Instance> instances,
                                          Map<String, LaunchDelay> delays, Instant now) {
    return waiting(instances).stream()
        .filter(i -> !delays.getOrDefault(i.appId(), LaunchDelay.none(i.appId())).isDelayed(now))
        .toList();
  }

  private static List<Instance> waiting(Collection<Instance> instances) {
    return instances.stream()
        .filter(i -> i.state() == InstanceState.SCHEDULED && !i.isDecommissioned())
        .sorted(OLDEST_FIRST)
        .toList();
  }

  private static String newestVersion(List<Instance> list) {
    return list.stream().map(Instance::appVersion).max(Comparator.naturalOrder()).orElseThrow();
  }
}
