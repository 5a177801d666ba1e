package io.berth.api.model;

import static io.berth.api.model.AppBuilder.aDockerApp;
import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Checks.aCheck;
import static io.berth.api.model.Checks.aReadinessCheck;
import static io.berth.api.model.Checks.anHttpCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link App#normalized()}: Marathon's defaults and the folding of deprecated fields. */
class AppDefaultsTest {

  @Nested
  class Resources {

    @Test
    void unsetResourcesGetMarathonsDefaults() {
      App app = anApp().normalized();

      assertThat(app.instances()).isEqualTo(1);
      assertThat(app.cpus()).isEqualTo(1.0);
      assertThat(app.mem()).isEqualTo(128.0);
      assertThat(app.disk()).isEqualTo(0.0);
      assertThat(app.gpus()).isEqualTo(0);
    }

    @Test
    void givenResourcesAreKept() {
      App app = anApp().withInstances(3).withCpus(0.25).withMem(512).withDisk(10).withGpus(1).normalized();

      assertThat(app.instances()).isEqualTo(3);
      assertThat(app.cpus()).isEqualTo(0.25);
      assertThat(app.mem()).isEqualTo(512.0);
      assertThat(app.disk()).isEqualTo(10.0);
      assertThat(app.gpus()).isEqualTo(1);
    }

    @Test
    void zeroInstancesIsASuspendedAppNotADefault() {
      assertThat(anApp().withInstances(0).normalized().instances()).isZero();
    }
  }

  @Nested
  class BackoffUpgradeAndKill {

    @Test
    void backoffDefaultsToOneSecondTimesOnePointFifteenUpToFiveMinutes() {
      App app = anApp().normalized();

      assertThat(app.backoffSeconds()).isEqualTo(1);
      assertThat(app.backoffFactor()).isEqualTo(1.15);
      assertThat(app.maxLaunchDelaySeconds()).isEqualTo(300);
    }

    @Test
    void partlyGivenBackoffKeepsWhatWasGiven() {
      App app = anApp().withBackoff(5, null, 60).normalized();

      assertThat(app.backoffSeconds()).isEqualTo(5);
      assertThat(app.backoffFactor()).isEqualTo(1.15);
      assertThat(app.maxLaunchDelaySeconds()).isEqualTo(60);
    }

    @Test
    void upgradeStrategyDefaultsToOneAndOne() {
      assertThat(anApp().normalized().upgradeStrategy()).isEqualTo(new UpgradeStrategy(1.0, 1.0));
      assertThat(anApp().withUpgradeStrategy(0.5, null).normalized().upgradeStrategy())
          .isEqualTo(new UpgradeStrategy(0.5, 1.0));
    }

    @Test
    void killSelectionDefaultsToYoungestFirst() {
      assertThat(anApp().normalized().killSelection()).isEqualTo("YOUNGEST_FIRST");
      assertThat(anApp().withKillSelection("OLDEST_FIRST").normalized().killSelection()).isEqualTo("OLDEST_FIRST");
    }

    @Test
    void unreachableStrategyDefaultsToZeroAndZeroAndDisabledStaysDisabled() {
      assertThat(anApp().normalized().unreachableStrategy()).isEqualTo(UnreachableStrategy.of(0, 0));
      assertThat(anApp().withUnreachableStrategy(UnreachableStrategy.DISABLED).normalized().unreachableStrategy())
          .isEqualTo(UnreachableStrategy.DISABLED);
    }

    @Test
    void emptyCollectionsInsteadOfNulls() {
      App app = anApp().normalized();

      assertThat(app.env()).isEmpty();
      assertThat(app.labels()).isEmpty();
      assertThat(app.constraints()).isEmpty();
      assertThat(app.healthChecks()).isEmpty();
      assertThat(app.readinessChecks()).isEmpty();
      assertThat(app.dependencies()).isEmpty();
      assertThat(app.fetch()).isEmpty();
      assertThat(app.secrets()).isEmpty();
      assertThat(app.requirePorts()).isFalse();
      assertThat(app.acceptedResourceRoles()).as("null = every role").isNull();
    }
  }

  @Nested
  class HealthChecks {

    @Test
    void httpCheckGetsMarathonsTimingPathAndPortIndex() {
      HealthCheck check = anApp().withHealthCheck(aCheck(null).build()).normalized().healthChecks().get(0);

      assertThat(check.protocol()).isEqualTo("HTTP");
      assertThat(check.path()).isEqualTo("/");
      assertThat(check.portIndex()).isZero();
      assertThat(check.gracePeriodSeconds()).isEqualTo(300);
      assertThat(check.intervalSeconds()).isEqualTo(60);
      assertThat(check.timeoutSeconds()).isEqualTo(20);
      assertThat(check.maxConsecutiveFailures()).isEqualTo(3);
      assertThat(check.delaySeconds()).isEqualTo(15);
      assertThat(check.ignoreHttp1xx()).isFalse();
      assertThat(check.ipProtocol()).isEqualTo("IPv4");
    }

    @Test
    void givenPortMeansNoDefaultPortIndex() {
      HealthCheck check = anApp().withHealthCheck(anHttpCheck().withPort(8080).build()).normalized()
          .healthChecks().get(0);

      assertThat(check.port()).isEqualTo(8080);
      assertThat(check.portIndex()).isNull();
    }

    @Test
    void commandCheckHasNoPathOrPort() {
      HealthCheck check = anApp().withHealthCheck(aCheck("COMMAND").withCommand("true").build()).normalized()
          .healthChecks().get(0);

      assertThat(check.path()).isNull();
      assertThat(check.portIndex()).isNull();
    }

    @Test
    void tcpCheckHasNoPath() {
      assertThat(anApp().withHealthCheck(aCheck("TCP").build()).normalized().healthChecks().get(0).path()).isNull();
    }
  }

  @Nested
  class ReadinessChecks {

    @Test
    void readinessCheckGetsMarathonsDefaults() {
      ReadinessCheck check = anApp().withReadinessCheck(aReadinessCheck().build()).normalized()
          .readinessChecks().get(0);

      assertThat(check).isEqualTo(new ReadinessCheck("readinessCheck", "HTTP", "/", "http-api", 30, 10,
          List.of(200), false));
    }

    @Test
    void zeroIntervalAndTimeoutFromTheMarathonJavaClientMeanTheDefault() {
      ReadinessCheck check = anApp().withReadinessCheck(aReadinessCheck().withInterval(0).withTimeout(0).build())
          .normalized().readinessChecks().get(0);

      assertThat(check.intervalSeconds()).isEqualTo(30);
      assertThat(check.timeoutSeconds()).isEqualTo(10);
    }
  }

  @Nested
  class Ports {

    @Test
    void hostNetworkingGetsOneDynamicDefaultPort() {
      assertThat(anApp().normalized().portDefinitions())
          .containsExactly(new PortDefinition(0, "tcp", "default", Map.of()));
    }

    @Test
    void explicitlyNoPortsStaysNoPorts() {
      assertThat(anApp().withPortDefinitions().normalized().portDefinitions()).isEmpty();
    }

    @Test
    void deprecatedPortsBecomePortDefinitions() {
      App app = anApp().withPorts(8080, 0).normalized();

      assertThat(app.ports()).isNull();
      assertThat(app.portDefinitions()).containsExactly(
          new PortDefinition(8080, "tcp", null, Map.of()), new PortDefinition(0, "tcp", null, Map.of()));
    }

    @Test
    void bridgeNetworkingGetsNoPortDefinitions() {
      assertThat(aDockerApp().withBridgeNetworking().normalized().portDefinitions()).isEmpty();
    }

    @Test
    void dockerPortMappingsMoveToTheContainerWithDefaults() {
      Docker docker = new Docker("nginx", "BRIDGE", List.of(new PortMapping(80, null, null, null, "http", null)),
          null, null, null);

      Container container = anApp().withoutCmd().withDocker(docker).normalized().container();

      assertThat(container.docker().portMappings()).isNull();
      assertThat(container.portMappings()).containsExactly(new PortMapping(80, 0, 0, "tcp", "http", Map.of()));
    }

    @Test
    void dockerDefaultsAreFalseAndEmpty() {
      Container container = aDockerApp().normalized().container();

      assertThat(container.type()).isEqualTo("DOCKER");
      assertThat(container.docker().privileged()).isFalse();
      assertThat(container.docker().forcePullImage()).isFalse();
      assertThat(container.docker().parameters()).isEmpty();
      assertThat(container.volumes()).isEmpty();
    }
  }

  @Nested
  class Networks {

    @Test
    void modernBridgeNetworkSetsTheDockerNetworkAndNoDefaultPort() {
      App app = aDockerApp().withNetworks(new Network(null, "container/bridge", null))
          .withPortMappings(PortMapping.of(80)).normalized();

      assertThat(app.container().networkMode()).isEqualTo("BRIDGE");
      assertThat(app.portDefinitions()).isEmpty();
      assertThat(app.networks()).extracting(Network::mode).containsExactly("container/bridge");
    }

    @Test
    void containerNetworkIsUserNetworking() {
      App app = aDockerApp().withNetworks(new Network("overlay", "container", null)).normalized();

      assertThat(app.container().networkMode()).isEqualTo("USER");
    }
  }

  @Nested
  class FetchAndIds {

    @Test
    void urisBecomeFetchEntriesThatExtract() {
      App app = anApp().withUris("https://example.com/app.tgz").normalized();

      assertThat(app.uris()).isNull();
      assertThat(app.fetch()).containsExactly(new Fetch("https://example.com/app.tgz", true, false, false, null));
    }

    @Test
    void fetchEntriesGetDefaultsAndKeepTheirOrderAndDuplicates() {
      App app = anApp().withFetch(new Fetch("https://e.com/a", null, true, null, "x"),
          new Fetch("https://e.com/a", false, null, null, "y")).normalized();

      assertThat(app.fetch()).containsExactly(new Fetch("https://e.com/a", true, true, false, "x"),
          new Fetch("https://e.com/a", false, false, false, "y"));
    }

    @Test
    void idsAndDependenciesBecomeCanonical() {
      App app = anApp().withId("team//web/").withDependencies("../db", "cache", "/shared/queue").normalized();

      assertThat(app.id()).isEqualTo("/team/web");
      assertThat(app.dependencies()).containsExactly("/db", "/team/cache", "/shared/queue");
    }

    @Test
    void statusFieldsAreDropped() {
      App withStatus = anApp().build().toBuilder().tasksRunning(3).deployments(List.of(new DeploymentRef("d")))
          .build();

      App app = withStatus.normalized();

      assertThat(app.tasksRunning()).isNull();
      assertThat(app.deployments()).isNull();
    }
  }

  @Test
  void normalizingIsIdempotent() {
    App once = aDockerApp().withNetworks(new Network(null, "container/bridge", null))
        .withPortMappings(PortMapping.of(80)).withHealthCheck(anHttpCheck().build())
        .withReadinessCheck(aReadinessCheck().withPortName("default").build()).withUris("https://e.com/a")
        .withDependencies("../db").normalized();

    assertThat(once.normalized()).isEqualTo(once);
    assertThat(anApp().withPorts(1, 2).normalized().normalized()).isEqualTo(anApp().withPorts(1, 2).normalized());
  }
}
