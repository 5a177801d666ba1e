package io.berth.executor.pod;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Docker;
import io.berth.api.model.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a task payload into a {@link PodPlan}; the app container lives here, helpers in {@link HelperContainers}. */
final class PodPlanner {

  private PodPlanner() {}

  static PodPlan plan(TaskPayload payload) {
    App app = payload.app();
    if (app.id() == null) {
      throw new InvalidPodException("the app has no id");
    }
    String network = networkMode(app);
    boolean ownNamespace = !network.equals("host");
    List<AssignedPort> ports = AssignedPort.of(payload, ownNamespace);
    HelperSettings helpers = payload.helpers();
    List<ContainerSpec> containers = new ArrayList<>();
    if (helpers.fluentd()) {
      containers.add(HelperContainers.fluentd(payload));
    }
    ContainerSpec appContainer = appContainer(payload, network, ports);
    containers.add(appContainer);
    if (helpers.sensu()) {
      containers.add(HelperContainers.sensu(payload, appContainer, ownNamespace, ports));
    }
    Integer grace = app.taskKillGracePeriodSeconds();
    return new PodPlan(payload.taskId(), app.id(), app.version(), containers,
        grace == null ? PodPlan.DEFAULT_KILL_GRACE : Duration.ofSeconds(grace),
        helpers.fluentd() ? payload.fluentdHostPort() : 0,
        app.healthChecks() == null ? List.of() : app.healthChecks(),
        ports.stream().map(AssignedPort::hostPort).toList(), ownNamespace);
  }

  private static ContainerSpec appContainer(TaskPayload payload, String network, List<AssignedPort> ports) {
    App app = payload.app();
    Docker docker = app.container() == null ? null : app.container().docker();
    String image = docker != null && docker.image() != null ? docker.image() : payload.defaultImage();
    if (image == null || image.isBlank()) {
      throw new InvalidPodException("the app has no container image and no default image is configured");
    }
    DockerParameters.Applied applied = DockerParameters.apply(
        docker == null ? List.of() : docker.parameters(),
        app.container() == null ? List.of() : app.container().volumes(),
        docker != null && Boolean.TRUE.equals(docker.privileged()));
    Map<String, String> env = new LinkedHashMap<>(TaskEnvironment.of(payload, image, ports));
    env.putAll(applied.env());
    Map<String, String> labels = new LinkedHashMap<>(applied.labels());
    labels.putAll(labels(payload, Role.APP));
    List<String> entrypoint = null;
    List<String> command = null;
    if (app.cmd() != null && !app.cmd().isBlank()) {
      entrypoint = List.of("/bin/sh", "-c", app.cmd());
      command = List.of();
    } else if (app.args() != null && !app.args().isEmpty()) {
      command = app.args();
    }
    List<PortBinding> bindings = new ArrayList<>();
    if (!network.equals("host") && !network.equals("none")) {
      for (AssignedPort p : ports) {
        for (String protocol : p.protocol().split(",")) {
          bindings.add(new PortBinding("0.0.0.0", p.hostPort(), p.declared(), protocol.trim()));
        }
      }
    }
    LogDriver log = payload.helpers().fluentd() ? HelperContainers.fluentdLogDriver(payload) : null;
    return new ContainerSpec(containerName(payload.taskId(), Role.APP), Role.APP, image,
        docker != null && Boolean.TRUE.equals(docker.forcePullImage()), entrypoint, command, env, labels,
        Math.round((app.cpus() == null ? 0 : app.cpus()) * 1e9),
        Math.round((app.mem() == null ? 0 : app.mem()) * 1024 * 1024),
        network, bindings, log, applied.options());
  }

  /** Docker's network mode for the app: from {@code container.docker.network}, else {@code networks}, else host. */
  static String networkMode(App app) {
    Docker docker = app.container() == null ? null : app.container().docker();
    if (docker != null && docker.network() != null) {
      return switch (docker.network()) {
        case "BRIDGE" -> "bridge";
        case "HOST" -> "host";
        case "NONE" -> "none";
        case "USER" -> userNetwork(app);
        default -> throw new InvalidPodException("unsupported docker network " + docker.network());
      };
    }
    if (app.networks() != null && !app.networks().isEmpty()) {
      Network n = app.networks().get(0);
      String mode = n.mode() == null ? "host" : n.mode();
      return switch (mode) {
        case "host" -> "host";
        case "container/bridge" -> "bridge";
        case "container" -> userNetwork(app);
        default -> throw new InvalidPodException("unsupported network mode " + mode);
      };
    }
    return "host";
  }

  private static String userNetwork(App app) {
    String name = app.networks() == null ? null : app.networks().stream()
        .map(Network::name).filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
    if (name == null) {
      throw new InvalidPodException("a container network needs a name in networks[0].name");
    }
    return name;
  }

  static Map<String, String> labels(TaskPayload payload, Role role) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PodLabels.APP_ID, payload.app().id());
    labels.put(PodLabels.TASK_ID, payload.taskId());
    labels.put(PodLabels.APP_VERSION, payload.app().version() == null ? "" : payload.app().version());
    labels.put(PodLabels.ROLE, role.label());
    if (payload.agentId() != null) {
      labels.put(PodLabels.AGENT_ID, payload.agentId());
    }
    return labels;
  }

  /** {@code berth-<task id>-<role>}, with characters Docker refuses in names replaced by {@code -}. */
  static String containerName(String taskId, Role role) {
    return "berth-" + taskId.replaceAll("[^a-zA-Z0-9_.-]", "-") + "-" + role.label();
  }
}
