package io.berth.scheduler.core.instances;

/** Why an instance is killed. Shown in logs and events; two of them count as a failed run. */
public enum KillReason {
  SCALE_DOWN,
  USER_REQUEST,
  APP_REMOVED,
  /** Replaced by a deployment (restart, new version). */
  UPGRADE,
  /** Failed its health checks. */
  UNHEALTHY,
  /** Did not reach RUNNING within the launch timeout. */
  LAUNCH_TIMEOUT,
  /** Was given up (decommissioned, or recorded as ended) but reports itself alive: kill it again. */
  NOT_WANTED,
  /** The cluster runs a task the store does not know. */
  ORPHAN;

  /** True when the kill ends a bad run, so the app's launch backoff grows. */
  public boolean countsAsFailure() {
    return this == UNHEALTHY || this == LAUNCH_TIMEOUT;
  }
}
