package io.berth.scheduler.core.instances;

/** Why an instance that was meant to run ended, so that a replacement is due. */
public enum RescheduleReason {
  /** TASK_FINISHED: a long-running app exited by itself. */
  EXITED,
  /** TASK_FAILED. */
  FAILED,
  /** TASK_ERROR or TASK_DROPPED: the launch itself failed. */
  LAUNCH_FAILED,
  /** TASK_KILLED without a kill request from Berth (e.g. {@code docker kill}). */
  KILLED_EXTERNALLY,
  /** LOST, GONE, GONE_BY_OPERATOR, UNKNOWN: the machine or the cluster lost it. */
  LOST,
  /** Unreachable for longer than the app's {@code inactiveAfterSeconds}. */
  UNREACHABLE,
  /** Killed by Berth because its health checks failed. */
  UNHEALTHY,
  /** Killed by Berth because it did not start within the launch timeout. */
  LAUNCH_TIMEOUT;

  /** The reason for an unrequested end in {@code state}. */
  public static RescheduleReason forEnd(InstanceState state) {
    return switch (state) {
      case FINISHED -> EXITED;
      case FAILED -> FAILED;
      case ERROR, DROPPED -> LAUNCH_FAILED;
      case KILLED -> KILLED_EXTERNALLY;
      case LOST, GONE, GONE_BY_OPERATOR, UNKNOWN -> LOST;
      default -> throw new IllegalArgumentException(state + " is not terminal");
    };
  }

  /**
   * True when the app itself is to blame, so its launch backoff grows. A lost machine or an
   * unreachable agent is not the app's fault: its replacement starts without extra delay.
   */
  public boolean countsForBackoff() {
    return this != LOST && this != UNREACHABLE;
  }
}
