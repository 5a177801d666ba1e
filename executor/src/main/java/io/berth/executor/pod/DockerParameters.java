package io.berth.executor.pod;

import io.berth.api.model.Parameter;
import io.berth.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps an app's {@code container.docker.parameters} ({@code docker run --key=value}) to
 * {@link HostOptions}, extra env and extra labels. Unknown keys are rejected, never dropped: a
 * parameter Berth would silently ignore is a bug waiting in production.
 */
final class DockerParameters {

  static final Set<String> SUPPORTED = new TreeSet<>(List.of(
      "add-host", "cap-add", "cap-drop", "cpu-shares", "dns", "dns-search", "env", "hostname",
      "init", "label", "memory-reservation", "memory-swap", "oom-score-adj", "pids-limit",
      "read-only", "security-opt", "shm-size", "sysctl", "tmpfs", "ulimit", "user", "volume",
      "workdir"));

  /** What the parameters add to a container. */
  record Applied(HostOptions options, Map<String, String> env, Map<String, String> labels) {}

  private DockerParameters() {}

  static Applied apply(List<Parameter> parameters, List<Volume> volumes, boolean privileged) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    Map<String, String> sysctls = new LinkedHashMap<>();
    Map<String, String> tmpfs = new LinkedHashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> single = new LinkedHashMap<>();
    List<HostOptions.Ulimit> ulimits = new ArrayList<>();
    List<String> binds = new ArrayList<>();
    for (Volume v : volumes == null ? List.<Volume>of() : volumes) {
      binds.add(bind(v));
    }
    for (Parameter p : parameters == null ? List.<Parameter>of() : parameters) {
      String key = p.key() == null ? "" : p.key().trim().replaceFirst("^--?", "");
      String value = p.value() == null ? "" : p.value();
      switch (key) {
        case "add-host", "cap-add", "cap-drop", "dns", "dns-search", "security-opt" ->
            lists.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        case "volume" -> binds.add(value);
        case "env" -> putPair(env, key, value);
        case "label" -> {
          putPair(labels, key, value);
          if (labels.keySet().stream().anyMatch(l -> l.startsWith("berth."))) {
            throw new InvalidPodException("docker parameter label: berth.* labels are set by Berth");
          }
        }
        case "sysctl" -> putPair(sysctls, key, value);
        case "tmpfs" -> {
          int colon = value.indexOf(':');
          tmpfs.put(colon < 0 ? value : value.substring(0, colon), colon < 0 ? "" : value.substring(colon + 1));
        }
        case "ulimit" -> ulimits.add(ulimit(value));
        case "cpu-shares", "hostname", "init", "memory-reservation", "memory-swap", "oom-score-adj",
            "pids-limit", "read-only", "shm-size", "user", "workdir" -> single.put(key, value);
        default -> throw new InvalidPodException("unsupported docker parameter '" + p.key()
            + "'; supported: " + String.join(", ", SUPPORTED));
      }
    }
    HostOptions options = new HostOptions(privileged, binds, list(lists, "cap-add"), list(lists, "cap-drop"),
        list(lists, "dns"), list(lists, "dns-search"), list(lists, "add-host"), list(lists, "security-opt"),
        sysctls, tmpfs, ulimits,
        bytes(single, "shm-size"), bytes(single, "memory-swap"), bytes(single, "memory-reservation"),
        number(single, "pids-limit"), integer(single, "cpu-shares"), integer(single, "oom-score-adj"),
        bool(single, "read-only"), bool(single, "init"),
        single.get("hostname"), single.get("user"), single.get("workdir"));
    return new Applied(options, env, labels);
  }

  private static String bind(Volume v) {
    if (v.hostPath() == null || v.containerPath() == null) {
      throw new InvalidPodException("volumes need hostPath and containerPath (persistent and external volumes are not supported)");
    }
    String mode = v.mode() == null ? "rw" : v.mode().toLowerCase(Locale.ROOT);
    if (!mode.equals("rw") && !mode.equals("ro")) {
      throw new InvalidPodException("volume mode must be RO or RW: " + v.mode());
    }
    return v.hostPath() + ":" + v.containerPath() + ":" + mode;
  }

  private static void putPair(Map<String, String> into, String key, String value) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new InvalidPodException("docker parameter " + key + " must be NAME=VALUE: " + value);
    }
    into.put(value.substring(0, eq), value.substring(eq + 1));
  }

  private static HostOptions.Ulimit ulimit(String value) {
    try {
      int eq = value.indexOf('=');
      String[] limits = value.substring(eq + 1).split(":");
      long soft = Long.parseLong(limits[0]);
      long hard = limits.length > 1 ? Long.parseLong(limits[1]) : soft;
      if (eq <= 0 || limits.length > 2) {
        throw new NumberFormatException();
      }
      return new HostOptions.Ulimit(value.substring(0, eq), soft, hard);
    } catch (RuntimeException e) {
      throw new InvalidPodException("docker parameter ulimit must be NAME=SOFT[:HARD]: " + value);
    }
  }

  private static List<String> list(Map<String, List<String>> lists, String key) {
    return lists.getOrDefault(key, List.of());
  }

  private static Long bytes(Map<String, String> single, String key) {
    String v = single.get(key);
    return v == null ? null : ByteSize.parse(key, v);
  }

  private static Long number(Map<String, String> single, String key) {
    String v = single.get(key);
    try {
      return v == null ? null : Long.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidPodException("docker parameter " + key + " must be a number: " + v);
    }
  }

  private static Integer integer(Map<String, String> single, String key) {
    Long n = number(single, key);
    return n == null ? null : Math.toIntExact(n);
  }

  private static Boolean bool(Map<String, String> single, String key) {
    String v = single.get(key);
    if (v == null) {
      return null;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("true")) {
      return Boolean.TRUE;
    }
    if (t.equals("false")) {
      return Boolean.FALSE;
    }
    throw new InvalidPodException("docker parameter " + key + " must be true or false: " + v);
  }
}
