package io.berth.executor.pod;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.PortDefinition;
import io.berth.api.model.PortMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the app's ports with the host port it got: PORT{index}.
 *
 * @param declared the container port (BRIDGE) or the requested port (HOST; 0 = any)
 */
record AssignedPort(int index, int declared, int hostPort, String protocol, String name) {

  /** The app's ports, BRIDGE mappings or HOST port definitions, paired with the payload's host ports. */
  static List<AssignedPort> of(TaskPayload payload, boolean bridge) {
    List<AssignedPort> out = new ArrayList<>();
    List<Integer> hostPorts = payload.hostPorts();
    if (bridge) {
      List<PortMapping> mappings = payload.app().container().effectivePortMappings();
      for (int i = 0; i < mappings.size(); i++) {
        PortMapping m = mappings.get(i);
        int fixed = m.hostPort() == null ? 0 : m.hostPort();
        int host = i < hostPorts.size() ? hostPorts.get(i) : fixed;
        if (host <= 0) {
          throw new InvalidPodException("port mapping " + i + " (container port " + m.containerPort()
              + ") has no host port: the task got " + hostPorts.size() + " host ports");
        }
        out.add(new AssignedPort(i, m.containerPort() == null ? 0 : m.containerPort(), host,
            m.protocol() == null ? "tcp" : m.protocol(), m.name()));
      }
      return out;
    }
    List<PortDefinition> defs = payload.app().portDefinitions() == null ? List.of() : payload.app().portDefinitions();
    for (int i = 0; i < defs.size(); i++) {
      PortDefinition d = defs.get(i);
      int requested = d.port() == null ? 0 : d.port();
      int host = i < hostPorts.size() ? hostPorts.get(i) : requested;
      if (host <= 0) {
        throw new InvalidPodException("port definition " + i + " has no host port: the task got "
            + hostPorts.size() + " host ports");
      }
      out.add(new AssignedPort(i, requested, host, d.protocol() == null ? "tcp" : d.protocol(), d.name()));
    }
    return out;
  }
}
