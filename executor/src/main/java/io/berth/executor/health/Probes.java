package io.berth.executor.health;

import io.berth.api.model.HealthCheck;
import io.berth.executor.docker.ContainerRuntime;
import java.util.List;

/** Builds the probe for a health check of a running pod. Ports are probed on the host's loopback. */
public final class Probes {

  static final String HOST = "127.0.0.1";

  private Probes() {}

  /**
   * @param hostPorts the task's host ports (PORT0..n), for {@code portIndex}
   * @param appContainerId where COMMAND checks run
   */
  public static Probe of(HealthCheck check, List<Integer> hostPorts, ContainerRuntime runtime, String appContainerId) {
    String kind = check.kind();
    return switch (kind) {
      case "COMMAND" -> {
        if (check.command() == null || check.command().value() == null) {
          throw new IllegalArgumentException("a COMMAND health check needs command.value");
        }
        yield new CommandProbe(runtime, appContainerId, check.command().value());
      }
      case "HTTP", "HTTPS" -> new HttpProbe(kind.equals("HTTPS"), HOST, port(check, hostPorts), check.path(),
          Boolean.TRUE.equals(check.ignoreHttp1xx()));
      case "TCP" -> new TcpProbe(HOST, port(check, hostPorts));
      default -> throw new IllegalArgumentException("unsupported health check protocol " + check.protocol());
    };
  }

  static int port(HealthCheck check, List<Integer> hostPorts) {
    if (check.port() != null && check.port() > 0) {
      return check.port();
    }
    int index = check.portIndex() == null ? 0 : check.portIndex();
    if (index < 0 || index >= hostPorts.size()) {
      throw new IllegalArgumentException("health check portIndex " + index + " but the task has "
          + hostPorts.size() + " ports");
    }
    return hostPorts.get(index);
  }
}
