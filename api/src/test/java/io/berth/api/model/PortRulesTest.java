package io.berth.api.model;

import static io.berth.api.model.AppBuilder.aDockerApp;
import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Verdicts.assertBreaks;
import static io.berth.api.model.Verdicts.assertValid;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AppValidator} on ports: portDefinitions (HOST networking) and container.portMappings (BRIDGE/USER). */
class PortRulesTest {

  private static PortDefinition port(Integer port, String protocol, String name) {
    return new PortDefinition(port, protocol, name, null);
  }

  private static PortMapping mapping(Integer containerPort, Integer hostPort, String protocol, String name) {
    return new PortMapping(containerPort, hostPort, null, protocol, name, null);
  }

  @Nested
  class PortDefinitions {

    @Test
    void fixedAndDynamicPortsInRange() {
      assertValid(anApp().withPortDefinitions(port(8080, "tcp", "http"), port(0, "udp", "dns"), port(0, null, null)));
      assertBreaks(anApp().withPortDefinitions(port(-1, null, null)), "/portDefinitions/0/port",
          "must be greater than or equal to 0");
      assertBreaks(anApp().withPortDefinitions(port(65_536, null, null)), "/portDefinitions/0/port",
          "must be less than or equal to 65535");
    }

    @Test
    void protocolIsTcpUdpOrBoth() {
      assertValid(anApp().withPortDefinitions(port(0, "udp,tcp", null)));
      assertBreaks(anApp().withPortDefinitions(port(0, "sctp", null)), "/portDefinitions/0/protocol",
          "must be one of tcp, udp, udp,tcp, tcp,udp");
    }

    @Test
    void namesAreUnique() {
      assertBreaks(anApp().withPortDefinitions(port(0, null, "http"), port(0, null, "http")),
          "/portDefinitions/1/name", "port names must be unique");
    }

    @Test
    void fixedPortsAreUniqueButDynamicOnesMayRepeat() {
      assertValid(anApp().withPortDefinitions(port(0, null, null), port(0, null, null)));
      assertBreaks(anApp().withPortDefinitions(port(8080, null, null), port(8080, null, null)),
          "/portDefinitions/1/port", "must be unique");
    }

    @Test
    void aPortDefinitionMustNotBeNull() {
      assertBreaks(anApp().withPortDefinitions((PortDefinition) null), "/portDefinitions/0", "must not be null");
    }

    @Test
    void portDefinitionsAreForHostNetworkingOnly() {
      assertBreaks(aDockerApp().withBridgeNetworking().withPortDefinitions(port(0, null, null)), "/portDefinitions",
          "must be empty with BRIDGE networking: use container.portMappings");
    }
  }

  @Nested
  class PortMappings {

    @Test
    void bridgedMappingsInRange() {
      assertValid(aDockerApp().withBridgeNetworking().withPortMappings(mapping(80, 0, "tcp", "http"),
          mapping(443, 8443, null, "https")));
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(mapping(70_000, 0, null, null)),
          "/container/portMappings/0/containerPort", "must be less than or equal to 65535");
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(mapping(80, -1, null, null)),
          "/container/portMappings/0/hostPort", "must be greater than or equal to 0");
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(
              new PortMapping(80, 0, 65_536, null, null, null)),
          "/container/portMappings/0/servicePort", "must be less than or equal to 65535");
    }

    @Test
    void mappingProtocolIsTcpUdpOrBoth() {
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(mapping(80, 0, "http", null)),
          "/container/portMappings/0/protocol", "must be one of tcp, udp");
    }

    @Test
    void mappingNamesAreUnique() {
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(mapping(80, 0, null, "web"),
          mapping(81, 0, null, "web")), "/container/portMappings/1/name", "port names must be unique");
    }

    @Test
    void aHostPortIsTakenOncePerProtocol() {
      assertValid(aDockerApp().withBridgeNetworking().withPortMappings(mapping(53, 53, "tcp", null),
          mapping(53, 53, "udp", null)));
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(mapping(80, 8080, null, null),
          mapping(81, 8080, "tcp", null)), "/container/portMappings/1/hostPort", "must be unique per protocol");
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings(mapping(53, 53, "udp,tcp", null),
          mapping(54, 53, "udp", null)), "/container/portMappings/1/hostPort", "must be unique per protocol");
    }

    @Test
    void aMappingMustNotBeNull() {
      assertBreaks(aDockerApp().withBridgeNetworking().withPortMappings((PortMapping) null),
          "/container/portMappings/0", "must not be null");
    }

    @Test
    void mappingsAreForBridgeOrUserNetworkingOnly() {
      assertValid(aDockerApp().withDockerNetwork("USER").withPortMappings(mapping(80, 0, null, null)));
      assertBreaks(aDockerApp().withPortMappings(mapping(80, 0, null, null)), "/container/portMappings",
          "are only allowed with BRIDGE or USER networking");
    }
  }
}
