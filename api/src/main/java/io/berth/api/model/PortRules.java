package io.berth.api.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules for ports: ranges, protocols, unique names and fixed ports, and which networking allows what. */
final class PortRules {

  static final int MAX_PORT = 65_535;

  private PortRules() {}

  static void check(App app, Violations v) {
    String network = NetworkRules.networkMode(app);
    List<PortDefinition> defs = app.portDefinitions();
    List<PortMapping> mappings = app.container() == null ? List.of() : app.container().effectivePortMappings();
    boolean bridged = network.equals("BRIDGE") || network.equals("USER");
    if (bridged && !defs.isEmpty()) {
      v.add("/portDefinitions", "must be empty with " + network + " networking: use container.portMappings");
    }
    if (!bridged && !mappings.isEmpty()) {
      v.add("/container/portMappings", "are only allowed with BRIDGE or USER networking");
    }
    Set<String> names = new HashSet<>();
    Set<Integer> fixed = new HashSet<>();
    for (int i = 0; i < defs.size(); i++) {
      PortDefinition d = defs.get(i);
      String path = "/portDefinitions/" + i;
      if (d == null) {
        v.add(path, "must not be null");
        continue;
      }
      v.range(d.port(), 0, MAX_PORT, path + "/port");
      v.oneOf(d.protocol(), AppValidator.PORT_PROTOCOLS, path + "/protocol");
      uniqueName(d.name(), names, path + "/name", v);
      if (d.port() != null && d.port() != 0 && !fixed.add(d.port())) {
        v.add(path + "/port", "must be unique");
      }
    }
    Set<String> hostPorts = new HashSet<>();
    for (int i = 0; i < mappings.size(); i++) {
      PortMapping m = mappings.get(i);
      String path = "/container/portMappings/" + i;
      if (m == null) {
        v.add(path, "must not be null");
        continue;
      }
      v.range(m.containerPort(), 0, MAX_PORT, path + "/containerPort");
      v.range(m.hostPort(), 0, MAX_PORT, path + "/hostPort");
      v.range(m.servicePort(), 0, MAX_PORT, path + "/servicePort");
      v.oneOf(m.protocol(), AppValidator.PORT_PROTOCOLS, path + "/protocol");
      uniqueName(m.name(), names, path + "/name", v);
      if (m.hostPort() != null && m.hostPort() != 0 && !claim(hostPorts, m.hostPort(), m.protocol())) {
        v.add(path + "/hostPort", "must be unique per protocol");
      }
    }
  }

  /** Claims a host port for each protocol of a mapping: 53/tcp and 53/udp may both be mapped. */
  private static boolean claim(Set<String> claimed, int hostPort, String protocol) {
    boolean fresh = true;
    for (String p : (protocol == null ? "tcp" : protocol).split(",")) {
      fresh &= claimed.add(hostPort + "/" + p.strip());
    }
    return fresh;
  }

  private static void uniqueName(String name, Set<String> names, String path, Violations v) {
    if (name != null && !names.add(name)) {
      v.add(path, "port names must be unique");
    }
  }

  /** How many host ports an instance of this app takes. */
  static int portCount(App app) {
    String network = NetworkRules.networkMode(app);
    if (network.equals("BRIDGE") || network.equals("USER")) {
      return app.container() == null ? 0 : app.container().effectivePortMappings().size();
    }
    return app.portDefinitions() == null ? 0 : app.portDefinitions().size();
  }
}
