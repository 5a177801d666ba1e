package io.berth.executor.pod;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.EnvValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Marathon's task environment: {@code MESOS_TASK_ID}, {@code MARATHON_APP_*}, {@code HOST},
 * {@code PORT*}, then the app's own {@code env} (which wins on a clash, as the user wrote it).
 */
final class TaskEnvironment {

  private TaskEnvironment() {}

  static Map<String, String> of(TaskPayload payload, String image, List<AssignedPort> ports) {
    App app = payload.app();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MESOS_TASK_ID", payload.taskId());
    env.put("MARATHON_APP_ID", app.id());
    env.put("MARATHON_APP_VERSION", nullToEmpty(app.version()));
    if (app.container() != null && app.container().docker() != null && app.container().docker().image() != null) {
      env.put("MARATHON_APP_DOCKER_IMAGE", image);
    }
    env.put("MARATHON_APP_RESOURCE_CPUS", number(app.cpus()));
    env.put("MARATHON_APP_RESOURCE_MEM", number(app.mem()));
    env.put("MARATHON_APP_RESOURCE_DISK", number(app.disk()));
    Map<String, String> labels = app.labels() == null ? Map.of() : app.labels();
    env.put("MARATHON_APP_LABELS", labels.keySet().stream().map(TaskEnvironment::labelName)
        .collect(Collectors.joining(" ")));
    labels.forEach((k, v) -> env.put("MARATHON_APP_LABEL_" + labelName(k), v));
    if (payload.host() != null) {
      env.put("HOST", payload.host());
    }
    if (!ports.isEmpty()) {
      env.put("PORT", Integer.toString(ports.get(0).hostPort()));
      env.put("PORTS", ports.stream().map(p -> Integer.toString(p.hostPort())).collect(Collectors.joining(",")));
    }
    for (AssignedPort p : ports) {
      env.put("PORT" + p.index(), Integer.toString(p.hostPort()));
      if (p.declared() != 0) {
        env.put("PORT_" + p.declared(), Integer.toString(p.hostPort()));
      }
      if (p.name() != null && !p.name().isBlank()) {
        env.put("PORT_" + labelName(p.name()), Integer.toString(p.hostPort()));
      }
    }
    Map<String, EnvValue> own = app.env() == null ? Map.of() : app.env();
    own.forEach((k, v) -> {
      if (v.isSecret()) {
        throw new InvalidPodException("env " + k + " refers to secret '" + v.secret()
            + "': secrets are not supported by the Berth executor yet");
      }
      env.put(k, v.value());
    });
    return env;
  }

  /** A label name as an env var suffix: upper case, anything but letters and digits becomes {@code _}. */
  static String labelName(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static String number(Double d) {
    return d == null ? "0.0" : d.toString(); // as Marathon: Double.toString, "1.0", "128.0"
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
