package io.berth.executor.mesos;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Pods without Docker: a launch reports STARTING and RUNNING, a kill reports KILLED, a reap is recorded. */
final class FakePods implements Pods {

  record Kill(String taskId, Duration grace, String message) {}

  final List<TaskPayload> launched = new CopyOnWriteArrayList<>();
  final List<Kill> kills = new CopyOnWriteArrayList<>();
  /** The agent ids of every reap, in order. */
  final List<String> reaps = new CopyOnWriteArrayList<>();
  /** What each reap does after it is recorded (e.g. block, or throw). */
  volatile Runnable onReap = () -> { };
  volatile boolean closed;
  private PodListener listener;

  Pods attach(PodListener listener) {
    this.listener = listener;
    return this;
  }

  @Override
  public void launch(TaskPayload payload) {
    launched.add(payload);
    listener.onStatus(payload.taskId(), PodStatus.STARTING, "creating containers", null);
    listener.onStatus(payload.taskId(), PodStatus.RUNNING, "running", true);
  }

  @Override
  public void kill(String taskId, Duration grace, String message) {
    kills.add(new Kill(taskId, grace, message));
    listener.onStatus(taskId, PodStatus.KILLED, message, null);
  }

  @Override
  public void reapOrphans(String agentId) {
    reaps.add(agentId);
    onReap.run();
  }

  @Override
  public void close() {
    closed = true;
  }
}
