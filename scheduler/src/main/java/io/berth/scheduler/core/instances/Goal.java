package io.berth.scheduler.core.instances;

/**
 * What the scheduler wants of an instance. An instance whose goal is {@link #DECOMMISSIONED} is
 * being (or has been) given up: it no longer counts towards its app's instances, it is killed
 * whenever it reports itself alive, and its end is expected (no reschedule, no backoff).
 */
public enum Goal {
  RUNNING,
  DECOMMISSIONED
}
