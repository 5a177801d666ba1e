package io.berth.executor.pod;

/** The labels every container of a pod carries; the runtime finds pods by them. */
public final class PodLabels {
  public static final String APP_ID = "berth.app-id";
  public static final String TASK_ID = "berth.task-id";
  public static final String APP_VERSION = "berth.app-version";
  public static final String ROLE = "berth.role";
  /**
   * The agent the task was launched on. A local cluster's agent id names one Berth installation, so
   * a scheduler leaves alone the pods another installation runs on the same Docker engine.
   */
  public static final String AGENT_ID = "berth.agent-id";

  private PodLabels() {}
}
