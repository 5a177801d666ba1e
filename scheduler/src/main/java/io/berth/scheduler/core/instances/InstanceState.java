package io.berth.scheduler.core.instances;

/**
 * The state of an instance: the Mesos task states, plus two states before the launch.
 *
 * <ul>
 *   <li>{@link #SCHEDULED}: stored, waiting for an offer (and for the app's launch delay). No
 *       container exists and none has been asked for.
 *   <li>{@link #PROVISIONED}: matched to an offer and stored with its agent and ports; the launch is
 *       sent after this record is stored, so a container with this id may or may not exist.
 * </ul>
 *
 * <p>Terminal states are final: {@code FINISHED, FAILED, KILLED, ERROR, DROPPED, GONE,
 * GONE_BY_OPERATOR, UNKNOWN} and {@code LOST}. Mesos calls LOST "maybe revivable"; Berth registers as
 * partition-aware, so a task that may come back arrives as {@link #UNREACHABLE} (not terminal), and
 * LOST means it is given up for good (a LOST task that shows up alive again is killed).
 */
public enum InstanceState {
  SCHEDULED(false),
  PROVISIONED(false),
  STAGING(false),
  STARTING(false),
  RUNNING(false),
  KILLING(false),
  UNREACHABLE(false),
  FINISHED(true),
  FAILED(true),
  KILLED(true),
  LOST(true),
  ERROR(true),
  DROPPED(true),
  GONE(true),
  GONE_BY_OPERATOR(true),
  UNKNOWN(true);

  private final boolean terminal;

  InstanceState(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  /** True when a container with this id may exist: launched (or being launched) and not ended. */
  public boolean mayHaveContainer() {
    return !terminal && this != SCHEDULED;
  }

  /** True for the states a cluster reports in a status update (not the two pre-launch states). */
  public boolean isReportable() {
    return this != SCHEDULED && this != PROVISIONED;
  }

  /** The Mesos / Marathon API name, e.g. {@code TASK_RUNNING}; a provisioned task shows as staging. */
  public String taskState() {
    return this == SCHEDULED || this == PROVISIONED ? "TASK_STAGING" : "TASK_" + name();
  }

  /** Reads {@code TASK_RUNNING} or {@code RUNNING}; Mesos' TASK_STAGING etc. */
  public static InstanceState fromTaskState(String name) {
    String bare = name.startsWith("TASK_") ? name.substring("TASK_".length()) : name;
    InstanceState state = valueOf(bare);
    if (!state.isReportable()) {
      throw new IllegalArgumentException("not a task state: " + name);
    }
    return state;
  }
}
