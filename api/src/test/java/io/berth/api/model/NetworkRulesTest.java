package io.berth.api.model;

import static io.berth.api.model.AppBuilder.aDockerApp;
import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Verdicts.assertBreaks;
import static io.berth.api.model.Verdicts.assertValid;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AppValidator} on {@code networks}, and how they decide which ports an app may declare. */
class NetworkRulesTest {

  private static final Network HOST = new Network(null, "host", null);
  private static final Network BRIDGE = new Network(null, "container/bridge", null);

  private static Network container(String name) {
    return new Network(name, "container", null);
  }

  @Nested
  class ModernNetworking {

    @Test
    void bridgeNetworkWithContainerPortMappingsIsValid() {
      assertValid(aDockerApp().withNetworks(BRIDGE).withPortMappings(PortMapping.of(80)));
    }

    @Test
    void bridgeNetworkRefusesPortDefinitions() {
      assertBreaks(aDockerApp().withNetworks(BRIDGE).withPortDefinitions(PortDefinition.of(0)), "/portDefinitions",
          "must be empty with BRIDGE networking");
    }

    @Test
    void hostNetworkRefusesPortMappings() {
      assertBreaks(aDockerApp().withNetworks(HOST).withPortMappings(PortMapping.of(80)), "/container/portMappings",
          "are only allowed with BRIDGE or USER networking");
    }

    @Test
    void namedContainerNetworkTakesPortMappings() {
      assertValid(aDockerApp().withNetworks(container("overlay")).withPortMappings(PortMapping.of(80)));
    }
  }

  @Nested
  class Entries {

    @Test
    void modeIsHostContainerOrBridge() {
      assertBreaks(anApp().withNetworks(new Network(null, "overlay", null)), "/networks/0/mode",
          "must be one of host, container, container/bridge");
      assertBreaks(anApp().withNetworks((Network) null), "/networks/0/mode", "must be one of host");
    }

    @Test
    void hostNetworksHaveNoNameOrLabels() {
      assertBreaks(anApp().withNetworks(new Network("n", "host", null)), "/networks/0",
          "host networks may not have names or labels");
      assertBreaks(anApp().withNetworks(new Network(null, "host", Map.of("a", "b"))), "/networks/0",
          "host networks may not have names or labels");
    }

    @Test
    void bridgeNetworksHaveNoName() {
      assertBreaks(aDockerApp().withNetworks(new Network("br", "container/bridge", null)), "/networks/0/name",
          "bridge networks may not have names");
    }

    @Test
    void containerNetworksNeedAName() {
      assertBreaks(aDockerApp().withNetworks(container(null)), "/networks/0/name",
          "must be given for a container network");
    }
  }

  @Nested
  class Combinations {

    @Test
    void hostAndBridgeDoNotMix() {
      assertBreaks(aDockerApp().withDocker(Docker.image("nginx")).withNetworks(HOST, BRIDGE), "/networks",
          "may specify a single host network, a single bridge network, or else 1 to n container networks");
    }

    @Test
    void dockerJoinsOneContainerNetworkAtMost() {
      assertBreaks(aDockerApp().withNetworks(container("a"), container("b")), "/networks",
          "may only specify a single container network when using the Docker container engine");
      assertValid(anApp().withContainerType("MESOS").withNetworks(container("a"), container("b")));
    }

    @Test
    void deprecatedDockerNetworkMustAgreeWithNetworks() {
      assertValid(aDockerApp().withDockerNetwork("BRIDGE").withNetworks(BRIDGE));
      assertBreaks(aDockerApp().withDockerNetwork("HOST").withNetworks(BRIDGE), "/container/docker/network",
          "must agree with networks (BRIDGE)");
    }
  }
}
