package io.berth.scheduler.core.instances;

/** Who produced a status update (Mesos' {@code TaskStatus.source}, plus the scheduler itself). */
public enum UpdateSource {
  EXECUTOR,
  AGENT,
  MASTER,
  /** Made by Berth, e.g. "not found in the cluster at start-up". */
  SCHEDULER
}
