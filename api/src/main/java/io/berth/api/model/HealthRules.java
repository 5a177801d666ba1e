package io.berth.api.model;

import java.util.List;

/** Rules for health and readiness checks. */
final class HealthRules {

  /** Checks Marathon runs on the agent through Mesos; Mesos runs one per task. */
  private static final List<String> MESOS_LEVEL = List.of("MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP");

  private HealthRules() {}

  static void check(App app, Violations v) {
    int ports = PortRules.portCount(app);
    List<HealthCheck> checks = app.healthChecks();
    long mesosLevel = checks.stream().filter(h -> h != null && MESOS_LEVEL.contains(h.protocol())).count();
    v.require(mesosLevel <= 1, "/healthChecks",
        "can contain at most one Mesos health check (MESOS_HTTP, MESOS_HTTPS, MESOS_TCP)");
    boolean docker = app.container() != null && "DOCKER".equals(app.container().type());
    for (int i = 0; i < checks.size(); i++) {
      HealthCheck h = checks.get(i);
      String path = "/healthChecks/" + i;
      if (h == null) {
        v.add(path, "must not be null");
        continue;
      }
      v.oneOf(h.protocol(), AppValidator.HEALTH_PROTOCOLS, path + "/protocol");
      String kind = h.kind();
      if (kind.equals("COMMAND")) {
        v.require(h.command() != null && h.command().value() != null && !h.command().value().isBlank(),
            path + "/command/value", "must not be empty for a COMMAND check");
      } else {
        if (h.port() != null && h.portIndex() != null) {
          v.add(path, "give either port or portIndex, not both");
        }
        v.range(h.port(), 1, PortRules.MAX_PORT, path + "/port");
        if (h.port() == null && h.portIndex() != null) {
          if (h.portIndex() < 0 || h.portIndex() >= ports) {
            v.add(path + "/portIndex", ports == 0
                ? "the app declares no ports: give 'port' or declare a port"
                : "must be between 0 and " + (ports - 1) + " (the app declares " + ports + " ports)");
          }
        }
      }
      if (kind.startsWith("HTTP") && h.path() != null) {
        v.require(h.path().startsWith("/"), path + "/path", "must start with '/'");
      }
      v.range(h.gracePeriodSeconds(), 0, 86_400, path + "/gracePeriodSeconds");
      v.range(h.intervalSeconds(), 1, 86_400, path + "/intervalSeconds");
      v.range(h.timeoutSeconds(), 1, 86_400, path + "/timeoutSeconds");
      v.range(h.maxConsecutiveFailures(), 0, 1_000_000, path + "/maxConsecutiveFailures");
      v.range(h.delaySeconds(), 0, 86_400, path + "/delaySeconds");
      if (h.timeoutSeconds() != null && h.intervalSeconds() != null && h.timeoutSeconds() >= h.intervalSeconds()) {
        v.add(path + "/timeoutSeconds", "must be smaller than intervalSeconds");
      }
      v.oneOf(h.ipProtocol(), List.of("IPv4", "IPv6"), path + "/ipProtocol");
      if ("IPv6".equals(h.ipProtocol())) {
        v.require(docker && MESOS_LEVEL.contains(h.protocol()), path + "/ipProtocol",
            "IPv6 can only be used for container type DOCKER and Mesos http/https/tcp health checks");
      }
    }
    readiness(app, v);
  }

  private static void readiness(App app, Violations v) {
    List<ReadinessCheck> checks = app.readinessChecks();
    v.require(checks.size() <= 1, "/readinessChecks", "can contain at most one readiness check");
    for (int i = 0; i < checks.size(); i++) {
      ReadinessCheck r = checks.get(i);
      String path = "/readinessChecks/" + i;
      if (r == null) {
        v.add(path, "must not be null");
        continue;
      }
      v.oneOf(r.protocol(), List.of("HTTP", "HTTPS"), path + "/protocol");
      v.range(r.intervalSeconds(), 1, 86_400, path + "/intervalSeconds");
      v.range(r.timeoutSeconds(), 1, 86_400, path + "/timeoutSeconds");
      if (r.timeoutSeconds() >= r.intervalSeconds()) {
        v.add(path + "/timeoutSeconds", "must be smaller than intervalSeconds");
      }
      if (r.httpStatusCodesForReady().isEmpty()) {
        v.add(path + "/httpStatusCodesForReady", "must not be empty");
      }
      for (Integer code : r.httpStatusCodesForReady()) {
        if (code == null || code < 100 || code > 599) {
          v.add(path + "/httpStatusCodesForReady", "status codes must be between 100 and 599");
          break;
        }
      }
      boolean named = app.portDefinitions().stream().anyMatch(p -> p != null && r.portName().equals(p.name()))
          || (app.container() != null && app.container().effectivePortMappings().stream()
              .anyMatch(p -> p != null && r.portName().equals(p.name())));
      v.require(named, path + "/portName", "must name one of the app's ports");
    }
  }
}
