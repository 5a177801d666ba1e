package io.berth.scheduler.cluster.local;

import io.berth.scheduler.testing.TestImages;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.PortMapping;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ExecResult;
import io.berth.executor.pod.ContainerSpec;
import io.berth.executor.pod.PodLabels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real engine as this IT's driver sees it: only the pods of apps under {@link #APP_PREFIX}, so
 * that pods of other tests on the same engine are neither reported nor removed. Also the pods, helper
 * stand-ins and clean-up of the IT.
 */
final class ItScope implements ContainerRuntime {

  static final String APP_PREFIX = "/berth-local-it/";
  /** Accepts the forward protocol on 24224 and keeps the bytes (like the executor ITs' stand-in). */
  static final String FLUENTD_STAND_IN = "exec nc -ll -p 24224 -e /bin/sh -c 'cat >> /tmp/forward.bin'";

  private final ContainerRuntime engine;

  ItScope(ContainerRuntime engine) {
    this.engine = engine;
  }

  static HelperSettings fluentdStandIn() {
    return new HelperSettings(true, TestImages.BUSYBOX, FLUENTD_STAND_IN, false, null, null, null, null);
  }

  /** busybox httpd serving "hello" on container port 8080, BRIDGE networking; {@code cmd} replaces it when set. */
  static App httpd(String name, String cmd) {
    String serve = "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 8080 -h /www";
    Docker docker = new Docker(TestImages.BUSYBOX, "BRIDGE", null, null, null, null);
    return App.builder().id(APP_PREFIX + name).version("2026-11-26T12:00:00.000Z").cmd(cmd == null ? serve : cmd)
        .cpus(0.1).mem(32.0).taskKillGracePeriodSeconds(1)
        .container(new Container("DOCKER", docker, null, List.of(PortMapping.of(8080)))).build().normalized();
  }

  static String newTaskId(String name) {
    return "berth-local-it_" + name + "." + UUID.randomUUID();
  }

  static TaskPayload payload(String taskId, App app, int appPort, int fluentdPort, String host) {
    return new TaskPayload(taskId, app, host, "local-" + host, List.of(appPort), fluentdPort, fluentdStandIn(),
        TestImages.BUSYBOX);
  }

  List<ContainerInfo> containersOf(String taskId) {
    return engine.list(Map.of(PodLabels.TASK_ID, taskId));
  }

  /** Removes every container of this IT's apps. */
  void removeAll() {
    list(Map.of()).forEach(c -> engine.remove(c.id()));
  }

  @Override
  public List<ContainerInfo> list(Map<String, String> labels) {
    return engine.list(labels).stream()
        .filter(c -> c.labels().getOrDefault(PodLabels.APP_ID, "").startsWith(APP_PREFIX)).toList();
  }

  @Override
  public void ensureImage(String image, boolean forcePull) {
    engine.ensureImage(image, forcePull);
  }

  @Override
  public String create(ContainerSpec spec) {
    return engine.create(spec);
  }

  @Override
  public void start(String containerId) {
    engine.start(containerId);
  }

  @Override
  public Optional<ContainerInfo> inspect(String containerIdOrName) {
    return engine.inspect(containerIdOrName);
  }

  @Override
  public void stop(String containerId, Duration grace) {
    engine.stop(containerId, grace);
  }

  @Override
  public void remove(String containerId) {
    engine.remove(containerId);
  }

  @Override
  public ExecResult exec(String containerId, List<String> command, Duration timeout) {
    return engine.exec(containerId, command, timeout);
  }

  @Override
  public boolean awaitTcpPort(String host, int port, Duration timeout) {
    return engine.awaitTcpPort(host, port, timeout);
  }
}
