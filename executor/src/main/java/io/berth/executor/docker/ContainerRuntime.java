package io.berth.executor.docker;

import io.berth.executor.pod.ContainerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few container operations a pod needs. Every method throws {@link ContainerRuntimeException}
 * (or its transient subclass) on failure; operations on a container that is already gone are not
 * failures where noted.
 */
public interface ContainerRuntime {

  /** Makes the image available: pulls it when missing, or always when {@code forcePull}. */
  void ensureImage(String image, boolean forcePull);

  /** Creates (does not start) the container; returns its id. */
  String create(ContainerSpec spec);

  void start(String containerId);

  /** The container, or empty when no such container exists. */
  Optional<ContainerInfo> inspect(String containerIdOrName);

  /** SIGTERM, then SIGKILL after {@code grace}; a stopped or missing container is fine. */
  void stop(String containerId, Duration grace);

  /** Removes the container (forcibly, with its anonymous volumes); a missing container is fine. */
  void remove(String containerId);

  /** All containers, running or not, that carry every given label. */
  List<ContainerInfo> list(Map<String, String> labels);

  /** Runs a command in a running container, waiting at most {@code timeout}. */
  ExecResult exec(String containerId, List<String> command, Duration timeout);

  /**
   * Waits until {@code host:port} accepts a TCP connection and holds it open (a proxy that accepts
   * and then drops the connection does not count).
   *
   * @return whether it did before {@code timeout}
   */
  default boolean awaitTcpPort(String host, int port, Duration timeout) {
    return TcpPorts.await(host, port, timeout);
  }
}
