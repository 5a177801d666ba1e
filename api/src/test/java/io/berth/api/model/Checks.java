package io.berth.api.model;

import java.util.Arrays;

/** Test data for health and readiness checks: {@code anHttpCheck().withPortIndex(1)}. */
final class Checks {

  private Checks() {}

  static HealthCheckBuilder anHttpCheck() {
    return new HealthCheckBuilder("HTTP");
  }

  static HealthCheckBuilder aCheck(String protocol) {
    return new HealthCheckBuilder(protocol);
  }

  static ReadinessCheckBuilder aReadinessCheck() {
    return new ReadinessCheckBuilder();
  }

  static final class HealthCheckBuilder {
    private String protocol;
    private String path;
    private Integer portIndex;
    private Integer port;
    private Command command;
    private Integer grace;
    private Integer interval;
    private Integer timeout;
    private Integer maxFailures;
    private String ipProtocol;

    private HealthCheckBuilder(String protocol) {
      this.protocol = protocol;
    }

    HealthCheckBuilder withPath(String path) {
      this.path = path;
      return this;
    }

    HealthCheckBuilder withPortIndex(Integer portIndex) {
      this.portIndex = portIndex;
      return this;
    }

    HealthCheckBuilder withPort(Integer port) {
      this.port = port;
      return this;
    }

    HealthCheckBuilder withCommand(String value) {
      this.command = new Command(value);
      return this;
    }

    HealthCheckBuilder withInterval(int seconds) {
      this.interval = seconds;
      return this;
    }

    HealthCheckBuilder withTimeout(int seconds) {
      this.timeout = seconds;
      return this;
    }

    HealthCheckBuilder withGracePeriod(int seconds) {
      this.grace = seconds;
      return this;
    }

    HealthCheckBuilder withMaxConsecutiveFailures(int failures) {
      this.maxFailures = failures;
      return this;
    }

    HealthCheckBuilder withIpProtocol(String ipProtocol) {
      this.ipProtocol = ipProtocol;
      return this;
    }

    HealthCheck build() {
      return new HealthCheck(protocol, path, portIndex, port, command, grace, interval, timeout, maxFailures,
          null, null, ipProtocol);
    }
  }

  static final class ReadinessCheckBuilder {
    private String protocol;
    private String portName;
    private Integer interval;
    private Integer timeout;
    private java.util.List<Integer> codes;

    ReadinessCheckBuilder withProtocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    ReadinessCheckBuilder withPortName(String portName) {
      this.portName = portName;
      return this;
    }

    ReadinessCheckBuilder withInterval(int seconds) {
      this.interval = seconds;
      return this;
    }

    ReadinessCheckBuilder withTimeout(int seconds) {
      this.timeout = seconds;
      return this;
    }

    ReadinessCheckBuilder withStatusCodes(Integer... codes) {
      this.codes = Arrays.asList(codes);
      return this;
    }

    ReadinessCheck build() {
      return new ReadinessCheck(null, protocol, null, portName, interval, timeout, codes, null);
    }
  }
}
