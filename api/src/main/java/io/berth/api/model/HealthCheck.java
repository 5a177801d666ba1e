package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A health check run next to the task. Defaults as Marathon: HTTP, path "/", portIndex 0,
 * grace 300 s, interval 60 s, timeout 20 s, 3 consecutive failures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthCheck(
    String protocol,
    String path,
    Integer portIndex,
    Integer port,
    Command command,
    Integer gracePeriodSeconds,
    Integer intervalSeconds,
    Integer timeoutSeconds,
    Integer maxConsecutiveFailures,
    Integer delaySeconds,
    Boolean ignoreHttp1xx,
    String ipProtocol) {

  public static final int DEFAULT_GRACE_PERIOD_SECONDS = 300;
  public static final int DEFAULT_INTERVAL_SECONDS = 60;
  public static final int DEFAULT_TIMEOUT_SECONDS = 20;
  public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 3;

  public static HealthCheck http(String path) {
    return new HealthCheck("HTTP", path, null, null, null, null, null, null, null, null, null, null)
        .normalized();
  }

  public HealthCheck withTiming(int grace, int interval, int timeout, int maxFailures) {
    return new HealthCheck(protocol, path, portIndex, port, command, grace, interval, timeout,
        maxFailures, delaySeconds, ignoreHttp1xx, ipProtocol);
  }

  /** The protocol without Marathon's MESOS_ prefix: checks always run next to the task here. */
  public String kind() {
    String p = protocol == null ? "HTTP" : protocol;
    return p.startsWith("MESOS_") ? p.substring("MESOS_".length()) : p;
  }

  HealthCheck normalized() {
    String proto = protocol == null ? "HTTP" : protocol;
    boolean http = proto.endsWith("HTTP") || proto.endsWith("HTTPS");
    boolean usesPort = !proto.equals("COMMAND");
    return new HealthCheck(
        proto,
        http ? (path == null ? "/" : path) : path,
        usesPort && port == null && portIndex == null ? Integer.valueOf(0) : portIndex,
        port,
        command,
        or(gracePeriodSeconds, DEFAULT_GRACE_PERIOD_SECONDS),
        or(intervalSeconds, DEFAULT_INTERVAL_SECONDS),
        or(timeoutSeconds, DEFAULT_TIMEOUT_SECONDS),
        or(maxConsecutiveFailures, DEFAULT_MAX_CONSECUTIVE_FAILURES),
        or(delaySeconds, 15),
        ignoreHttp1xx == null ? Boolean.FALSE : ignoreHttp1xx,
        ipProtocol == null ? "IPv4" : ipProtocol);
  }

  private static Integer or(Integer value, int dflt) {
    return value == null ? Integer.valueOf(dflt) : value;
  }
}
