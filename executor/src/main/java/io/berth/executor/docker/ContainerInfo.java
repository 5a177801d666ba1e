package io.berth.executor.docker;

import java.util.Map;
import java.util.Objects;

/**
 * What the runtime knows about one container. Fields only {@code inspect} fills are null in
 * listings ({@code exitCode}, {@code error}, {@code ipAddress}, {@code finishedAt}).
 *
 * @param state Docker's state: created, running, paused, restarting, removing, exited or dead
 */
public record ContainerInfo(
    String id,
    String name,
    String image,
    Map<String, String> labels,
    String state,
    Integer exitCode,
    String error,
    boolean oomKilled,
    String ipAddress,
    String startedAt,
    String finishedAt) {

  public ContainerInfo {
    Objects.requireNonNull(id, "id");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public boolean running() {
    return "running".equals(state) || "restarting".equals(state) || "paused".equals(state);
  }

  /** The container ran and ended ({@code exited} or {@code dead}); a merely {@code created} one has not. */
  public boolean exited() {
    return "exited".equals(state) || "dead".equals(state);
  }
}
