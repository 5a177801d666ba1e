package io.berth.executor.pod;

import java.util.Objects;

/** A container port published on the host: {@code hostIp:hostPort -> containerPort/protocol}. */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {

  public PortBinding {
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(protocol, "protocol");
    if (hostPort < 0 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
      throw new IllegalArgumentException("bad port binding " + hostPort + "->" + containerPort);
    }
  }

  public static PortBinding tcp(String hostIp, int hostPort, int containerPort) {
    return new PortBinding(hostIp, hostPort, containerPort, "tcp");
  }
}
