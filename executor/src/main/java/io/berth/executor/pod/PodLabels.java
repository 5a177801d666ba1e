package io.berth.executor.pod;

import java.util.Set;

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
  /**
   * Mesos only: the executor process that started the pod, as a {@code ProcessIdentity} label
   * ({@code <boot id>/<pid namespace>/<pid>/<start ticks>}). A pod whose owner is gone is an orphan
   * that the next executor on the agent removes. Pods of the local cluster never carry it.
   */
  public static final String EXECUTOR_OWNER = "berth.executor-owner";
  /** Mesos only: the framework whose executor started the pod. */
  public static final String FRAMEWORK_ID = "berth.framework-id";
  /** Mesos only: the executor that started the pod. */
  public static final String EXECUTOR_ID = "berth.executor-id";

  /** The labels {@code PodPlan.of} sets itself; labels a runner adds may not replace them. */
  static final Set<String> OWN = Set.of(APP_ID, TASK_ID, APP_VERSION, ROLE, AGENT_ID);

  private PodLabels() {}
}
