package io.berth.executor.pod;

import static io.berth.executor.pod.TaskPayloads.aBridgeApp;
import static io.berth.executor.pod.TaskPayloads.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.executor.HelperSettings;
import io.berth.api.model.App;
import io.berth.api.model.EnvValue;
import io.berth.api.model.PortDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PodPlanTest {

  private final PodPlan bridgePod = PodPlan.of(aTask(aBridgeApp("nginx:1", 80, 443)
      .labels(Map.of("role", "frontend")).build(), List.of(31001, 31002)));

  @Nested
  class Containers {
    @Test
    void startFluentdThenAppThenSensuAndStopInReverse() {
      assertThat(bridgePod.startOrder()).extracting(ContainerSpec::role)
          .containsExactly(Role.FLUENTD, Role.APP, Role.SENSU);
      assertThat(bridgePod.stopOrder()).extracting(ContainerSpec::role)
          .containsExactly(Role.SENSU, Role.APP, Role.FLUENTD);
    }

    @Test
    void everyContainerCarriesTheFourLabels() {
      for (ContainerSpec c : bridgePod.containers()) {
        assertThat(c.labels()).containsEntry(PodLabels.APP_ID, "/team/web")
            .containsEntry(PodLabels.TASK_ID, "team_web.0b1c")
            .containsEntry(PodLabels.APP_VERSION, "2026-11-26T10:00:00.000Z")
            .containsEntry(PodLabels.ROLE, c.role().label());
      }
    }

    @Test
    void namesAreBerthPrefixedNeverMesos() {
      assertThat(bridgePod.containers()).extracting(ContainerSpec::name).containsExactly(
          "berth-team_web.0b1c-fluentd", "berth-team_web.0b1c-app", "berth-team_web.0b1c-sensu");
    }

    @Test
    void helpersSwitchedOffLeaveOnlyTheApp() {
      PodPlan plan = PodPlan.of(aTask(aBridgeApp("nginx:1", 80).build(), List.of(31001), HelperSettings.off()));
      assertThat(plan.containers()).extracting(ContainerSpec::role).containsExactly(Role.APP);
      assertThat(plan.app().logDriver()).isNull();
    }

    @Test
    void killGraceComesFromTheAppWithThreeSecondsByDefault() {
      assertThat(bridgePod.killGrace()).isEqualTo(Duration.ofSeconds(3));
      PodPlan plan = PodPlan.of(aTask(aBridgeApp("nginx:1", 80).taskKillGracePeriodSeconds(10).build(),
          List.of(31001)));
      assertThat(plan.killGrace()).isEqualTo(Duration.ofSeconds(10));
    }
  }

  @Nested
  class AppContainer {
    @Test
    void publishesEachMappingOnItsHostPortWithLimits() {
      ContainerSpec app = bridgePod.app();
      assertThat(app.networkMode()).isEqualTo("bridge");
      assertThat(app.ports()).containsExactly(PortBinding.tcp("0.0.0.0", 31001, 80),
          PortBinding.tcp("0.0.0.0", 31002, 443));
      assertThat(app.nanoCpus()).isEqualTo(1_000_000_000L);
      assertThat(app.memoryBytes()).isEqualTo(128L * 1024 * 1024);
      assertThat(app.image()).isEqualTo("nginx:1");
    }

    @Test
    void cmdRunsInAShellReplacingTheEntrypoint() {
      ContainerSpec app = PodPlan.of(aTask(aBridgeApp("busybox", 80).cmd("httpd -f -p 80").build(),
          List.of(31001))).app();
      assertThat(app.entrypoint()).containsExactly("/bin/sh", "-c", "httpd -f -p 80");
      assertThat(app.command()).isEmpty();
    }

    @Test
    void argsReplaceTheImageCommandWithoutAShell() {
      ContainerSpec app = PodPlan.of(aTask(aBridgeApp("busybox", 80).args(List.of("httpd", "-f")).build(),
          List.of(31001))).app();
      assertThat(app.entrypoint()).isNull();
      assertThat(app.command()).containsExactly("httpd", "-f");
    }

    @Test
    void anAppWithOnlyCmdRunsInTheDefaultImageOnTheHostNetwork() {
      App app = App.builder().id("/tool").cmd("sleep 100").build();
      PodPlan plan = PodPlan.of(aTask(app, List.of(31005)));
      assertThat(plan.app().image()).isEqualTo("busybox:default");
      assertThat(plan.app().networkMode()).isEqualTo("host");
      assertThat(plan.app().ports()).isEmpty();
      assertThat(plan.app().env()).containsEntry("PORT0", "31005").doesNotContainKey("MARATHON_APP_DOCKER_IMAGE");
    }

    @Test
    void logsGoToTheFluentdHelperWithoutBlocking() {
      LogDriver log = bridgePod.app().logDriver();
      assertThat(log.type()).isEqualTo("fluentd");
      assertThat(log.options()).containsEntry("fluentd-address", "127.0.0.1:31999")
          .containsEntry("mode", "non-blocking").containsEntry("fluentd-async", "true")
          .containsEntry("tag", "berth.team.web.2026-11-26T10_00_00_000Z.team_web_0b1c");
    }
  }

  @Nested
  class Environment {
    @Test
    void carriesMarathonTaskVariables() {
      Map<String, String> env = PodPlan.of(aTask(aBridgeApp("nginx:1", 80, 443)
          .labels(Map.of("role", "frontend", "team.name", "a")).build(), List.of(31001, 31002))).app().env();
      assertThat(env).containsEntry("MESOS_TASK_ID", "team_web.0b1c")
          .containsEntry("MARATHON_APP_ID", "/team/web")
          .containsEntry("MARATHON_APP_VERSION", "2026-11-26T10:00:00.000Z")
          .containsEntry("MARATHON_APP_DOCKER_IMAGE", "nginx:1")
          .containsEntry("MARATHON_APP_RESOURCE_CPUS", "1.0")
          .containsEntry("MARATHON_APP_RESOURCE_MEM", "128.0")
          .containsEntry("MARATHON_APP_RESOURCE_DISK", "0.0")
          .containsEntry("MARATHON_APP_LABEL_ROLE", "frontend")
          .containsEntry("MARATHON_APP_LABEL_TEAM_NAME", "a")
          .containsEntry("HOST", "agent-1.example")
          .containsEntry("PORT", "31001").containsEntry("PORTS", "31001,31002")
          .containsEntry("PORT0", "31001").containsEntry("PORT1", "31002")
          .containsEntry("PORT_80", "31001").containsEntry("PORT_443", "31002");
      assertThat(env.get("MARATHON_APP_LABELS").split(" ")).containsExactlyInAnyOrder("ROLE", "TEAM_NAME");
    }

    @Test
    void appEnvWinsAndSecretsAreRefused() {
      App app = aBridgeApp("nginx:1", 80).env(Map.of("PORT", EnvValue.of("8080"), "A", EnvValue.of("b"))).build();
      assertThat(PodPlan.of(aTask(app, List.of(31001))).app().env())
          .containsEntry("PORT", "8080").containsEntry("A", "b");
      App secret = aBridgeApp("nginx:1", 80).env(Map.of("PW", EnvValue.secretRef("s0"))).build();
      assertThatThrownBy(() -> PodPlan.of(aTask(secret, List.of(31001))))
          .isInstanceOf(InvalidPodException.class).hasMessageContaining("secret");
    }

    @Test
    void hostNetworkingUsesPortDefinitions() {
      App app = App.builder().id("/svc").cmd("x").portDefinitions(List.of(
          new PortDefinition(0, "tcp", "http", null), PortDefinition.of(9000))).build();
      Map<String, String> env = PodPlan.of(aTask(app, List.of(31010, 9000))).app().env();
      assertThat(env).containsEntry("PORT0", "31010").containsEntry("PORT_HTTP", "31010")
          .containsEntry("PORT_9000", "9000");
    }
  }
}
