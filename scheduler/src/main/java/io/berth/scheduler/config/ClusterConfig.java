package io.berth.scheduler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;

/** Which cluster the scheduler runs tasks on: this machine ({@code local}) or Mesos. */
public record ClusterConfig(
    @JsonProperty("mode") @Pattern(regexp = "local|mesos", message = "must be local or mesos") String mode,
    @JsonProperty("mesosMaster") String mesosMaster,
    @JsonProperty("mesosEncoding") @Pattern(regexp = "protobuf|json", message = "must be protobuf or json")
        String mesosEncoding) {

  public ClusterConfig {
    mode = mode == null || mode.isBlank() ? "local" : mode;
    mesosMaster = mesosMaster == null || mesosMaster.isBlank() ? "http://127.0.0.1:5050" : mesosMaster;
    mesosEncoding = mesosEncoding == null || mesosEncoding.isBlank() ? "protobuf" : mesosEncoding;
  }

  public static ClusterConfig local() {
    return new ClusterConfig("local", null, null);
  }
}
