package io.berth.scheduler.cluster.local;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Command;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.HealthCheck;
import io.berth.api.model.Parameter;
import io.berth.api.model.PortDefinition;
import java.util.Arrays;
import java.util.List;

/** Task payloads that say what matters: {@code aTask("web.1").cpus(0.5).mem(256).ports(31000).build()}. */
final class Tasks {

  static final String VERSION = "2026-11-26T10:00:00.000Z";
  static final String FLUENTD_IMAGE = "fluentd:test";

  private final String taskId;
  private double cpus = 0.1;
  private double mem = 32;
  private double disk;
  private List<Integer> ports = List.of();
  private int fluentdPort;
  private String image = "busybox:test";
  private List<HealthCheck> healthChecks = List.of();
  private Parameter dockerParameter;

  private Tasks(String taskId) {
    this.taskId = taskId;
  }

  static Tasks aTask(String taskId) {
    return new Tasks(taskId);
  }

  Tasks cpus(double value) {
    cpus = value;
    return this;
  }

  Tasks mem(double value) {
    mem = value;
    return this;
  }

  Tasks disk(double value) {
    disk = value;
    return this;
  }

  Tasks ports(Integer... hostPorts) {
    ports = Arrays.asList(hostPorts);
    return this;
  }

  /** Runs the fluentd helper, its forward port published on this host port. */
  Tasks fluentdOn(int hostPort) {
    fluentdPort = hostPort;
    return this;
  }

  /** A COMMAND check every second (the fake engine's exec always succeeds). */
  Tasks withACommandHealthCheck() {
    healthChecks = List.of(new HealthCheck("COMMAND", null, null, null, new Command("true"), 0, 1, 1, 3, null, null,
        null));
    return this;
  }

  /** Runs the app in a Docker container (HOST networking) with this docker parameter. */
  Tasks dockerParameter(String key, String value) {
    dockerParameter = new Parameter(key, value);
    return this;
  }

  Tasks image(String value) {
    image = value;
    return this;
  }

  TaskPayload build() {
    Container container = dockerParameter == null ? null : new Container("DOCKER",
        new Docker(image, "HOST", null, List.of(dockerParameter), null, null), null, null);
    App app = App.builder().id("/web").version(VERSION).cmd("sleep 1000").cpus(cpus).mem(mem).disk(disk)
        .container(container)
        .portDefinitions(ports.stream().map(p -> PortDefinition.of(0)).toList()).healthChecks(healthChecks).build()
        .normalized();
    HelperSettings helpers = fluentdPort > 0
        ? new HelperSettings(true, FLUENTD_IMAGE, null, false, null, null, null, null) : HelperSettings.off();
    return new TaskPayload(taskId, app, "node-1", "local-node-1", ports, fluentdPort, helpers, image);
  }
}
