package io.berth.executor.pod;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to create one container of a pod, in Docker's terms but without docker-java.
 *
 * @param entrypoint replaces the image's entrypoint when not null
 * @param command replaces the image's command when not null (empty = no command)
 * @param networkMode {@code bridge}, {@code host}, {@code none}, {@code container:<name>} or a
 *     user-defined network's name
 * @param nanoCpus the app's cpus in billionths of a cpu (applied as CPU shares); 0 = none
 * @param memoryBytes memory limit; 0 = none
 * @param logDriver null = the daemon's default
 */
public record ContainerSpec(
    String name,
    Role role,
    String image,
    boolean forcePull,
    List<String> entrypoint,
    List<String> command,
    Map<String, String> env,
    Map<String, String> labels,
    long nanoCpus,
    long memoryBytes,
    String networkMode,
    List<PortBinding> ports,
    LogDriver logDriver,
    HostOptions options) {

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(networkMode, "networkMode");
    if (name.startsWith("mesos-")) {
      throw new IllegalArgumentException("container names must not start with mesos-: " + name);
    }
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    command = command == null ? null : List.copyOf(command);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    ports = List.copyOf(ports);
    options = options == null ? HostOptions.none() : options;
  }

  /** This container with {@code extra} labels added; where a name is taken, its own label stays. */
  public ContainerSpec withLabels(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(labels);
    extra.forEach(merged::putIfAbsent);
    return new ContainerSpec(name, role, image, forcePull, entrypoint, command, env, merged, nanoCpus, memoryBytes,
        networkMode, ports, logDriver, options);
  }

  /** The environment as Docker wants it: {@code KEY=value} strings, in order. */
  public List<String> envList() {
    return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
