package io.berth.executor.pod;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The fluentd and Sensu helper containers of a pod, and the app's fluentd log driver. */
final class HelperContainers {

  /** The fluentd forward port inside the helper. */
  static final int FORWARD_PORT = 24224;
  /** The Sensu agent's events API port inside the pod's network namespace. */
  public static final int SENSU_API_PORT = 3031;
  /** Helpers get a quarter cpu and 128 MiB: a leaking helper must not starve the app. */
  static final long HELPER_NANO_CPUS = 250_000_000L;
  static final long HELPER_MEMORY_BYTES = 128L << 20;

  private HelperContainers() {}

  static ContainerSpec fluentd(TaskPayload payload) {
    HelperSettings h = payload.helpers();
    if (h.fluentdImage() == null || h.fluentdImage().isBlank()) {
      throw new InvalidPodException("the fluentd helper is on but no image is set (BERTH_FLUENTD_IMAGE)");
    }
    if (payload.fluentdHostPort() <= 0) {
      throw new InvalidPodException("the fluentd helper is on but the task got no host port for it");
    }
    return new ContainerSpec(PodPlanner.containerName(payload.taskId(), Role.FLUENTD), Role.FLUENTD,
        h.fluentdImage(), false, shell(h.fluentdCommand()), shell(h.fluentdCommand()) == null ? null : List.of(),
        Map.of(), PodPlanner.labels(payload, Role.FLUENTD), HELPER_NANO_CPUS, HELPER_MEMORY_BYTES, "bridge",
        List.of(PortBinding.tcp("127.0.0.1", payload.fluentdHostPort(), FORWARD_PORT)), null, null);
  }

  /**
   * The Sensu agent. With BRIDGE (or a user network) it joins the app's network namespace; a HOST
   * app's namespace is the host's, where every task's agent would fight over port 3031, so there
   * it gets a bridge namespace of its own. Its API listens on 0.0.0.0:3031 so the executor can post
   * health results from outside the namespace.
   */
  static ContainerSpec sensu(TaskPayload payload, ContainerSpec app, boolean appHasOwnNamespace,
      List<AssignedPort> ports) {
    HelperSettings h = payload.helpers();
    if (h.sensuImage() == null || h.sensuImage().isBlank()) {
      throw new InvalidPodException("the Sensu helper is on but no image is set (BERTH_SENSU_IMAGE)");
    }
    if (appHasOwnNamespace && ports.stream().anyMatch(p -> p.declared() == SENSU_API_PORT || p.declared() == 3030)) {
      throw new InvalidPodException("the app uses port 3030 or 3031, which the Sensu helper needs in the "
          + "app's network namespace; switch the helpers off for this app");
    }
    return new ContainerSpec(PodPlanner.containerName(payload.taskId(), Role.SENSU), Role.SENSU,
        h.sensuImage(), false, shell(h.sensuCommand()), shell(h.sensuCommand()) == null ? null : List.of(),
        sensuEnv(payload, ports), PodPlanner.labels(payload, Role.SENSU), HELPER_NANO_CPUS, HELPER_MEMORY_BYTES,
        appHasOwnNamespace ? "container:" + app.name() : "bridge", List.of(), null, null);
  }

  /** The agent's settings as the environment variables {@code sensu-agent} reads ({@code SENSU_<FLAG>}). */
  static Map<String, String> sensuEnv(TaskPayload payload, List<AssignedPort> ports) {
    App app = payload.app();
    HelperSettings h = payload.helpers();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SENSU_NAME", payload.taskId().replaceAll("[^A-Za-z0-9_.-]", "_"));
    env.put("SENSU_NAMESPACE", h.sensuNamespace() == null || h.sensuNamespace().isBlank() ? "default" : h.sensuNamespace());
    if (h.sensuBackendUrl() != null && !h.sensuBackendUrl().isBlank()) {
      env.put("SENSU_BACKEND_URL", h.sensuBackendUrl().replace(',', ' ').trim());
    }
    String role = app.labels() == null ? null : app.labels().get("role");
    env.put("SENSU_SUBSCRIPTIONS", "app:" + app.id() + (role == null || role.isBlank() ? "" : " " + role));
    env.put("SENSU_KEEPALIVE_INTERVAL", "20");
    env.put("SENSU_KEEPALIVE_WARNING_TIMEOUT", "120");
    env.put("SENSU_DEREGISTER", "true");
    env.put("SENSU_API_HOST", "0.0.0.0");
    env.put("SENSU_API_PORT", Integer.toString(SENSU_API_PORT));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app_id", app.id());
    labels.put("task_id", payload.taskId());
    labels.put("version", app.version() == null ? "" : app.version());
    if (payload.host() != null) {
      labels.put("host", payload.host());
    }
    if (!ports.isEmpty()) {
      labels.put("port", Integer.toString(ports.get(0).hostPort()));
      labels.put("ports", ports.stream().map(p -> Integer.toString(p.hostPort())).collect(Collectors.joining(",")));
    }
    if (role != null) {
      labels.put("role", role);
    }
    env.put("SENSU_LABELS", Json.object(labels));
    return env;
  }

  /** Docker's fluentd driver, pointed at the helper's port on the host's loopback. */
  static LogDriver fluentdLogDriver(TaskPayload payload) {
    Map<String, String> opts = new LinkedHashMap<>();
    opts.put("fluentd-address", "127.0.0.1:" + payload.fluentdHostPort());
    opts.put("fluentd-async", "true");
    opts.put("mode", "non-blocking");
    opts.put("max-buffer-size", "4m");
    opts.put("tag", fluentdTag(payload.app().id(), payload.app().version(), payload.taskId()));
    opts.put("labels", String.join(",", PodLabels.APP_ID, PodLabels.TASK_ID, PodLabels.APP_VERSION));
    return new LogDriver("fluentd", opts);
  }

  /**
   * {@code berth.<app id, '/' as '.'>.<version>.<task id>}; in version and task id, characters other
   * than letters, digits, {@code -} and {@code _} become {@code _}, so dots only separate parts.
   */
  static String fluentdTag(String appId, String version, String taskId) {
    String app = appId.replaceAll("^/+", "").replace('/', '.');
    return "berth." + app + "." + tagPart(version == null ? "unversioned" : version) + "." + tagPart(taskId);
  }

  private static String tagPart(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static List<String> shell(String command) {
    return command == null || command.isBlank() ? null : List.of("/bin/sh", "-c", command);
  }
}
