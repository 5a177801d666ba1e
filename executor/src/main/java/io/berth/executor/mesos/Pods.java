package io.berth.executor.mesos;

import io.berth.api.executor.TaskPayload;
import java.time.Duration;

/**
 * The pods the executor drives, reporting to the {@link io.berth.executor.pod.PodListener} it was
 * made with. {@link PodRunnerPods} runs them on Docker; tests use a fake.
 */
public interface Pods extends AutoCloseable {

  /** Starts the pod, blocking until it runs or failed (both reported to the listener). */
  void launch(TaskPayload payload);

  /** Stops the pod and reports KILLED; {@code grace} null means the pod's own kill grace period. */
  void kill(String taskId, Duration grace, String message);

  /**
   * Stops and removes the pods on agent {@code agentId} whose executor process is gone (see
   * {@link OrphanReaper}); never this executor's own. Throws when the engine cannot be asked.
   */
  void reapOrphans(String agentId);

  /** Stops watching; containers keep running. */
  @Override
  void close();
}
