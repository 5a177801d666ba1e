package io.berth.scheduler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where state lives. {@code connect} is {@code embedded} (a ZooKeeper server inside the scheduler,
 * data under the data directory) or a connect string of a real ensemble.
 */
public record ZooKeeperConfig(
    @JsonProperty("connect") @NotBlank String connect,
    @JsonProperty("root") @NotBlank @Pattern(regexp = "^/[A-Za-z0-9_\\-.]+(/[A-Za-z0-9_\\-.]+)*$",
        message = "must be an absolute ZooKeeper path such as /berth") String root,
    @JsonProperty("sessionTimeoutMs") @Min(1000) int sessionTimeoutMs,
    @JsonProperty("connectionTimeoutMs") @Min(100) int connectionTimeoutMs,
    @JsonProperty("maxVersions") @Min(1) @Max(10_000) int maxVersions) {

  public ZooKeeperConfig {
    connect = connect == null || connect.isBlank() ? "embedded" : connect;
    root = root == null ? "/berth" : root;
    sessionTimeoutMs = sessionTimeoutMs == 0 ? 30_000 : sessionTimeoutMs;
    connectionTimeoutMs = connectionTimeoutMs == 0 ? 15_000 : connectionTimeoutMs;
    maxVersions = maxVersions == 0 ? 50 : maxVersions;
  }

  public static ZooKeeperConfig embedded() {
    return new ZooKeeperConfig("embedded", "/berth", 0, 0, 0);
  }

  public boolean isEmbedded() {
    return "embedded".equals(connect);
  }

  /** The Curator namespace: the root without its leading slash. */
  public String namespace() {
    return root.substring(1);
  }
}
