package io.berth.scheduler.cluster.local;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import io.berth.executor.docker.ExecResult;
import io.berth.executor.pod.ContainerSpec;
import io.berth.executor.pod.PodLabels;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory Docker engine for many pods. Listings leave the exit code out, as Docker's do; only
 * inspect has it. Pods can be planted as if an earlier scheduler had started them.
 */
final class FakeDocker implements ContainerRuntime {

  private record Container(String id, String name, String image, Map<String, String> labels, String state,
                           Integer exitCode) {}

  private final Map<String, Container> containers = new LinkedHashMap<>();
  private int nextId;
  volatile String failPullOf;

  @Override
  public void ensureImage(String image, boolean forcePull) {
    if (image.equals(failPullOf)) {
      throw new ContainerRuntimeException("pull access denied for " + image + ", repository does not exist");
    }
  }

  @Override
  public synchronized String create(ContainerSpec spec) {
    String id = "c" + (++nextId);
    containers.put(id, new Container(id, spec.name(), spec.image(), spec.labels(), "created", null));
    return id;
  }

  @Override
  public synchronized void start(String id) {
    containers.computeIfPresent(id, (k, c) -> with(c, "running", null));
  }

  @Override
  public synchronized Optional<ContainerInfo> inspect(String id) {
    return Optional.ofNullable(containers.get(id)).map(c -> info(c, true));
  }

  @Override
  public synchronized void stop(String id, Duration grace) {
    containers.computeIfPresent(id, (k, c) -> "running".equals(c.state()) ? with(c, "exited", 143) : c);
  }

  @Override
  public synchronized void remove(String id) {
    containers.remove(id);
  }

  @Override
  public synchronized List<ContainerInfo> list(Map<String, String> labels) {
    return containers.values().stream().filter(c -> c.labels().entrySet().containsAll(labels.entrySet()))
        .map(c -> info(c, false)).toList();
  }

  @Override
  public ExecResult exec(String id, List<String> command, Duration timeout) {
    return new ExecResult(0, "", false);
  }

  @Override
  public boolean awaitTcpPort(String host, int port, Duration timeout) {
    return true;
  }

  /** An earlier scheduler's container of a task: {@code state} is running, exited or created. */
  synchronized void plant(String taskId, String role, String state, Integer exitCode) {
    String id = "old-" + (++nextId);
    Map<String, String> labels = Map.of(PodLabels.APP_ID, "/web", PodLabels.TASK_ID, taskId,
        PodLabels.APP_VERSION, Tasks.VERSION, PodLabels.ROLE, role);
    containers.put(id, new Container(id, "berth-" + taskId + "-" + role, "busybox", labels, state, exitCode));
  }

  /** The task's app container exits with this code (the runner notices on its next poll). */
  synchronized void exitApp(String taskId, int code) {
    containers.replaceAll((id, c) -> taskId.equals(c.labels().get(PodLabels.TASK_ID))
        && "app".equals(c.labels().get(PodLabels.ROLE)) ? with(c, "exited", code) : c);
  }

  synchronized int containersOf(String taskId) {
    return (int) containers.values().stream().filter(c -> taskId.equals(c.labels().get(PodLabels.TASK_ID))).count();
  }

  private static Container with(Container c, String state, Integer exitCode) {
    return new Container(c.id(), c.name(), c.image(), c.labels(), state, exitCode);
  }

  private static ContainerInfo info(Container c, boolean inspected) {
    return new ContainerInfo(c.id(), c.name(), c.image(), c.labels(), c.state(), inspected ? c.exitCode() : null,
        null, false, inspected ? "172.17.0.9" : null, null, null);
  }
}
