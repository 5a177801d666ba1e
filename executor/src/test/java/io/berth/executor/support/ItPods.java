package io.berth.executor.support;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.PortMapping;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.pod.PodLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pods for integration tests: busybox apps under the app id prefix {@code /berth-it/}, helper
 * stand-ins in the busybox image, free host ports, and cleanup by label.
 */
public final class ItPods {

  public static final String APP_PREFIX = "/berth-it/";

  /** Writes every forward-protocol byte it receives to /tmp/forward.bin. */
  public static final String FLUENTD_STAND_IN =
      "exec nc -ll -p 24224 -e /bin/sh -c 'cat >> /tmp/forward.bin'";

  /**
   * A minimal HTTP server on 3031 that appends each request body (one per line) to
   * /tmp/events.log and answers 200, like the Sensu agent's events API.
   */
  public static final String SENSU_STAND_IN = String.join("\n",
      "cat > /tmp/record.sh <<'EOS'",
      "len=0",
      "while IFS= read -r line; do",
      "  line=$(printf '%s' \"$line\" | tr -d '\\r')",
      "  [ -z \"$line\" ] && break",
      "  case \"$(printf '%s' \"$line\" | tr A-Z a-z)\" in content-length:*) len=${line#*: };; esac",
      "done",
      "body=$(head -c \"$len\")",
      "printf '%s\\n' \"$body\" >> /tmp/events.log",
      "printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n'",
      "EOS",
      "chmod +x /tmp/record.sh",
      "exec nc -ll -p 3031 -e /tmp/record.sh");

  private ItPods() {}

  public static HelperSettings standInHelpers() {
    return new HelperSettings(true, BusyboxImage.NAME, FLUENTD_STAND_IN, true, BusyboxImage.NAME, SENSU_STAND_IN,
        "ws://sensu-backend.invalid:8081", "berth-it");
  }

  /** An app serving "hello" with busybox httpd on container port 8080, BRIDGE networking. */
  public static App.Builder httpdApp(String name) {
    String cmd = "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 8080 -h /www";
    Docker docker = new Docker(BusyboxImage.NAME, "BRIDGE", null, null, null, null);
    return App.builder().id(APP_PREFIX + name).version("2026-11-26T12:00:00.000Z").cmd(cmd).cpus(0.1).mem(32.0)
        .taskKillGracePeriodSeconds(1)
        .container(new Container("DOCKER", docker, null, List.of(PortMapping.of(8080))));
  }

  public static String newTaskId(String name) {
    return "berth-it_" + name + "." + UUID.randomUUID();
  }

  public static TaskPayload payload(String taskId, App app, HelperSettings helpers) {
    int appPorts = app.normalized().container() == null ? 1
        : Math.max(1, app.normalized().container().effectivePortMappings().size());
    List<Integer> ports = java.util.stream.IntStream.range(0, appPorts).mapToObj(i -> freePort()).toList();
    return new TaskPayload(taskId, app.normalized(), "localhost", "local", ports,
        helpers.fluentd() ? freePort() : 0, helpers, BusyboxImage.NAME);
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<ContainerInfo> containersOf(ContainerRuntime runtime, String taskId) {
    return runtime.list(Map.of(PodLabels.TASK_ID, taskId));
  }

  /** Removes every container of an integration-test app, whatever state it is in. */
  public static void removeAll(ContainerRuntime runtime) {
    for (ContainerInfo c : runtime.list(Map.of())) {
      String app = c.labels().get(PodLabels.APP_ID);
      if (app != null && app.startsWith(APP_PREFIX)) {
        runtime.remove(c.id());
      }
    }
  }
}
