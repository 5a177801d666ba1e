package io.berth.executor.mesos;

/** Whether a {@link ProcessIdentity} still runs on this host, as far as this process can tell. */
public enum Liveness {
  /** The very process runs (same boot, same pid, same start time). */
  ALIVE,
  /** It ended: the host rebooted, its pid is free, another process has the pid now, or it is a zombie. */
  GONE,
  /** This process cannot tell (another pid namespace, a hidden or unreadable /proc): treat as alive. */
  UNKNOWN
}
