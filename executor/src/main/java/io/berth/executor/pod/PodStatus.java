package io.berth.executor.pod;

/**
 * The states a pod reports, as Mesos task states: the scheduler maps them to its own. STARTING and
 * RUNNING may repeat (RUNNING again when health changes); FINISHED, FAILED and KILLED are terminal
 * and come once, after every container of the pod is removed.
 */
public enum PodStatus {
  /** Containers are being created (images pulled, fluentd helper awaited). */
  STARTING,
  /** The app container runs (and all helpers that are on). */
  RUNNING,
  /** The app exited with code 0. */
  FINISHED,
  /** It could not start, or the app exited non-zero, or its container vanished. */
  FAILED,
  /** Stopped on request, or because its health checks failed too often. */
  KILLED;

  public boolean terminal() {
    return this == FINISHED || this == FAILED || this == KILLED;
  }
}
