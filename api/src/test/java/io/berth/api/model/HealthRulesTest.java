package io.berth.api.model;

import static io.berth.api.model.AppBuilder.aDockerApp;
import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Checks.aCheck;
import static io.berth.api.model.Checks.aReadinessCheck;
import static io.berth.api.model.Checks.anHttpCheck;
import static io.berth.api.model.Verdicts.assertBreaks;
import static io.berth.api.model.Verdicts.assertBreaksAmongOthers;
import static io.berth.api.model.Verdicts.assertValid;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AppValidator} on {@code healthChecks} and {@code readinessChecks}. */
class HealthRulesTest {

  @Nested
  class HealthChecks {

    @Test
    void everyProtocolMarathonKnowsIsAccepted() {
      for (String protocol : AppValidator.HEALTH_PROTOCOLS) {
        Checks.HealthCheckBuilder check = aCheck(protocol);
        if (protocol.equals("COMMAND")) {
          check.withCommand("curl -f localhost:$PORT0");
        }
        assertValid(anApp().withHealthCheck(check.build()));
      }
    }

    @Test
    void unknownProtocolIsRefused() {
      assertBreaks(anApp().withHealthCheck(aCheck("ICMP").build()), "/healthChecks/0/protocol",
          "must be one of HTTP, HTTPS, TCP, COMMAND, MESOS_HTTP, MESOS_HTTPS, MESOS_TCP");
    }

    @Test
    void aCommandCheckNeedsItsCommand() {
      assertBreaks(anApp().withHealthCheck(aCheck("COMMAND").build()), "/healthChecks/0/command/value",
          "must not be empty for a COMMAND check");
    }

    @Test
    void portOrPortIndexNotBoth() {
      assertValid(anApp().withHealthCheck(anHttpCheck().withPort(8080).build()));
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withPort(8080).withPortIndex(0).build()),
          "/healthChecks/0", "give either port or portIndex, not both");
    }

    @Test
    void aFixedPortIsARealPort() {
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withPort(0).build()), "/healthChecks/0/port",
          "must be greater than or equal to 1");
    }

    @Test
    void portIndexAddressesOneOfTheAppsPorts() {
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withPortIndex(1).build()), "/healthChecks/0/portIndex",
          "must be between 0 and 0 (the app declares 1 ports)");
      assertBreaks(anApp().withPortDefinitions().withHealthCheck(anHttpCheck().build()),
          "/healthChecks/0/portIndex", "the app declares no ports: give 'port' or declare a port");
    }

    @Test
    void portIndexCountsPortMappingsWhenBridged() {
      assertValid(aDockerApp().withBridgeNetworking().withPortMappings(PortMapping.of(80), PortMapping.of(81))
          .withHealthCheck(anHttpCheck().withPortIndex(1).build()));
    }

    @Test
    void httpPathsAreAbsolute() {
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withPath("health").build()), "/healthChecks/0/path",
          "must start with '/'");
    }

    @Test
    void timingIsBounded() {
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withGracePeriod(-1).build()),
          "/healthChecks/0/gracePeriodSeconds", "must be greater than or equal to 0");
      assertBreaksAmongOthers(anApp().withHealthCheck(anHttpCheck().withInterval(0).build()),
          "/healthChecks/0/intervalSeconds", "must be greater than or equal to 1");
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withTimeout(0).build()),
          "/healthChecks/0/timeoutSeconds", "must be greater than or equal to 1");
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withMaxConsecutiveFailures(-1).build()),
          "/healthChecks/0/maxConsecutiveFailures", "must be greater than or equal to 0");
    }

    @Test
    void timeoutIsShorterThanInterval() {
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withInterval(10).withTimeout(10).build()),
          "/healthChecks/0/timeoutSeconds", "must be smaller than intervalSeconds");
    }

    @Test
    void ipProtocolIsV4OrV6AndV6OnlyForMesosChecksOfDockerApps() {
      assertBreaks(anApp().withHealthCheck(anHttpCheck().withIpProtocol("IPv5").build()),
          "/healthChecks/0/ipProtocol", "must be one of IPv4, IPv6");
      assertValid(aDockerApp().withHealthCheck(aCheck("MESOS_HTTP").withIpProtocol("IPv6").build()));
      assertBreaks(aDockerApp().withHealthCheck(anHttpCheck().withIpProtocol("IPv6").build()),
          "/healthChecks/0/ipProtocol", "IPv6 can only be used for container type DOCKER and Mesos");
    }

    @Test
    void atMostOneMesosHealthCheck() {
      assertValid(anApp().withHealthCheck(anHttpCheck().build()).withHealthCheck(aCheck("TCP").build()));
      assertBreaks(anApp().withHealthCheck(aCheck("MESOS_HTTP").build()).withHealthCheck(aCheck("MESOS_TCP").build()),
          "/healthChecks", "can contain at most one Mesos health check");
    }

    @Test
    void aCheckMustNotBeNull() {
      assertBreaks(anApp().withHealthCheck(null), "/healthChecks/0", "must not be null");
    }
  }

  @Nested
  class ReadinessChecks {

    @Test
    void aCheckOnANamedPortIsValid() {
      assertValid(anApp().withReadinessCheck(aReadinessCheck().withPortName("default").build()));
      assertValid(aDockerApp().withBridgeNetworking()
          .withPortMappings(new PortMapping(80, 0, 0, "tcp", "http-api", null))
          .withReadinessCheck(aReadinessCheck().build()));
    }

    @Test
    void thePortNameMustNameAPortOfTheApp() {
      assertBreaks(anApp().withReadinessCheck(aReadinessCheck().build()), "/readinessChecks/0/portName",
          "must name one of the app's ports");
    }

    @Test
    void protocolIsHttpOrHttps() {
      assertBreaks(anApp().withReadinessCheck(aReadinessCheck().withPortName("default").withProtocol("TCP").build()),
          "/readinessChecks/0/protocol", "must be one of HTTP, HTTPS");
    }

    @Test
    void timeoutIsShorterThanInterval() {
      assertBreaks(anApp().withReadinessCheck(aReadinessCheck().withPortName("default").withInterval(5)
          .withTimeout(5).build()), "/readinessChecks/0/timeoutSeconds", "must be smaller than intervalSeconds");
      assertBreaksAmongOthers(anApp().withReadinessCheck(aReadinessCheck().withPortName("default")
          .withInterval(-1).build()), "/readinessChecks/0/intervalSeconds", "must be greater than or equal to 1");
    }

    @Test
    void statusCodesForReadyAreGivenAndRealStatusCodes() {
      assertBreaks(anApp().withReadinessCheck(aReadinessCheck().withPortName("default").withStatusCodes().build()),
          "/readinessChecks/0/httpStatusCodesForReady", "must not be empty");
      assertBreaks(anApp().withReadinessCheck(aReadinessCheck().withPortName("default").withStatusCodes(200, 99)
          .build()), "/readinessChecks/0/httpStatusCodesForReady", "status codes must be between 100 and 599");
      assertBreaks(anApp().withReadinessCheck(aReadinessCheck().withPortName("default").withStatusCodes(200, null)
          .build()), "/readinessChecks/0/httpStatusCodesForReady", "status codes must be between 100 and 599");
    }

    @Test
    void atMostOneReadinessCheck() {
      ReadinessCheck check = aReadinessCheck().withPortName("default").build();
      assertBreaks(anApp().withReadinessCheck(check).withReadinessCheck(check), "/readinessChecks",
          "can contain at most one readiness check");
    }

    @Test
    void aCheckMustNotBeNull() {
      assertBreaks(anApp().withReadinessCheck(null), "/readinessChecks/0", "must not be null");
    }
  }
}
