package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A running (or starting, or ending) instance of an app, as Marathon's task JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(
    String id,
    String appId,
    String host,
    List<Integer> ports,
    List<Integer> servicePorts,
    String agentId,
    String slaveId,
    String state,
    String stagedAt,
    String startedAt,
    String version,
    List<IpAddress> ipAddresses,
    List<HealthCheckResult> healthCheckResults) {

  public Task {
    ports = ports == null ? List.of() : List.copyOf(ports);
    servicePorts = servicePorts == null ? List.of() : List.copyOf(servicePorts);
    ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    healthCheckResults = healthCheckResults == null ? List.of() : List.copyOf(healthCheckResults);
  }

  /** An address of the task, as Marathon reports it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record IpAddress(String ipAddress, String protocol) {}
}
