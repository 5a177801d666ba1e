package io.berth.executor.pod;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import io.berth.executor.docker.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory engine that records calls as readable strings ("create app", "stop sensu 3s"). */
final class FakeContainerRuntime implements ContainerRuntime {

  final List<String> calls = new ArrayList<>();
  private final Map<String, ContainerSpec> containers = new LinkedHashMap<>();
  private final Map<String, String> states = new LinkedHashMap<>();
  String failPullOf;
  Role failStartOf;
  boolean helperReady = true;

  @Override
  public synchronized void ensureImage(String image, boolean forcePull) {
    if (image.equals(failPullOf)) {
      throw new ContainerRuntimeException("pull access denied for " + image);
    }
  }

  @Override
  public synchronized String create(ContainerSpec spec) {
    String id = "id-" + spec.role().label();
    containers.put(id, spec);
    states.put(id, "created");
    calls.add("create " + spec.role().label());
    return id;
  }

  @Override
  public synchronized void start(String id) {
    calls.add("start " + role(id));
    if (containers.get(id).role() == failStartOf) {
      throw new ContainerRuntimeException("driver failed programming external connectivity");
    }
    states.put(id, "running");
  }

  @Override
  public synchronized Optional<ContainerInfo> inspect(String id) {
    ContainerSpec s = containers.get(id);
    return s == null ? Optional.empty() : Optional.of(info(id, s));
  }

  @Override
  public synchronized void stop(String id, Duration grace) {
    calls.add("stop " + role(id) + " " + grace.toSeconds() + "s");
    states.computeIfPresent(id, (k, v) -> "exited");
  }

  @Override
  public synchronized void remove(String id) {
    calls.add("remove " + role(id));
    containers.remove(id);
    states.remove(id);
  }

  @Override
  public synchronized List<ContainerInfo> list(Map<String, String> labels) {
    return containers.entrySet().stream()
        .filter(e -> e.getValue().labels().entrySet().containsAll(labels.entrySet()))
        .map(e -> info(e.getKey(), e.getValue())).toList();
  }

  @Override
  public ExecResult exec(String id, List<String> command, Duration timeout) {
    return new ExecResult(0, "", false);
  }

  @Override
  public boolean awaitTcpPort(String host, int port, Duration timeout) {
    return helperReady;
  }

  synchronized void exit(Role role, int code) {
    states.put("id-" + role.label(), "exited:" + code);
  }

  synchronized int count() {
    return containers.size();
  }

  private String role(String id) {
    return id.substring(3);
  }

  private ContainerInfo info(String id, ContainerSpec s) {
    String state = states.get(id);
    Integer exit = state.startsWith("exited:") ? Integer.valueOf(state.substring(7)) : null;
    return new ContainerInfo(id, s.name(), s.image(), s.labels(), exit != null ? "exited" : state, exit, null,
        false, "172.17.0.9", null, null);
  }
}
