package io.berth.scheduler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;

/**
 * Which cluster the scheduler runs tasks on: this machine ({@code local}, see the
 * {@code localCluster} section) or Apache Mesos ({@code mesos}, see the {@code mesos} section).
 */
public record ClusterConfig(
    @JsonProperty("mode") @Pattern(regexp = "local|mesos", message = "must be local or mesos") String mode) {

  public ClusterConfig {
    mode = mode == null || mode.isBlank() ? "local" : mode;
  }

  public static ClusterConfig local() {
    return new ClusterConfig("local");
  }
}
