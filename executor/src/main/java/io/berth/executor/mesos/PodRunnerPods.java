package io.berth.executor.mesos;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodRunner;
import java.time.Duration;

/** {@link Pods} on the real {@link PodRunner} and the local Docker engine. */
public final class PodRunnerPods implements Pods {

  private final PodRunner runner;

  public PodRunnerPods(PodRunner runner) {
    this.runner = runner;
  }

  /** Pods on the Docker engine that {@code DOCKER_HOST} (or the default socket) names. */
  public static Pods onDocker(PodListener listener) {
    return new PodRunnerPods(PodRunner.create(DockerContainerRuntime.fromEnvironment(), listener));
  }

  @Override
  public void launch(TaskPayload payload) {
    runner.launch(payload);
  }

  @Override
  public void kill(String taskId, Duration grace, String message) {
    if (grace == null) {
      runner.kill(taskId);
    } else {
      runner.kill(taskId, grace, message);
    }
  }

  @Override
  public void close() {
    runner.close();
  }
}
