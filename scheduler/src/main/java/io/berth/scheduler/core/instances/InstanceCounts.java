package io.berth.scheduler.core.instances;

import java.util.Collection;

/**
 * Marathon's per-app counters: {@code tasksStaged} (launched, not yet running), {@code tasksRunning},
 * and of the running ones {@code tasksHealthy} and {@code tasksUnhealthy} (both 0 without health
 * checks). Instances waiting for an offer are in the launch queue, not counted here.
 */
public record InstanceCounts(int staged, int running, int healthy, int unhealthy) {

  public static final InstanceCounts NONE = new InstanceCounts(0, 0, 0, 0);

  /** Counts the given instances (normally those of one app). */
  public static InstanceCounts of(Collection<Instance> instances) {
    int staged = 0;
    int running = 0;
    int healthy = 0;
    int unhealthy = 0;
    for (Instance i : instances) {
      InstanceState state = i.state();
      if (state == InstanceState.PROVISIONED || state == InstanceState.STAGING
          || state == InstanceState.STARTING) {
        staged++;
      } else if (state == InstanceState.RUNNING) {
        running++;
        healthy += Boolean.TRUE.equals(i.healthy()) ? 1 : 0;
        unhealthy += Boolean.FALSE.equals(i.healthy()) ? 1 : 0;
      }
    }
    return new InstanceCounts(staged, running, healthy, unhealthy);
  }
}
