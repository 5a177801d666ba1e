package io.berth.executor.pod;

import static io.berth.executor.pod.TaskPayloads.aBridgeApp;
import static io.berth.executor.pod.TaskPayloads.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.executor.HelperSettings;
import io.berth.api.model.App;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelperContainersTest {

  private final PodPlan plan = PodPlan.of(aTask(aBridgeApp("nginx:1", 80)
      .labels(Map.of("role", "frontend")).build(), List.of(31001)));

  @Test
  void fluentdPublishesItsForwardPortOnTheHostLoopbackOnly() {
    ContainerSpec fluentd = plan.container(Role.FLUENTD).orElseThrow();
    assertThat(fluentd.image()).isEqualTo("fluent/fluentd:v1");
    assertThat(fluentd.networkMode()).isEqualTo("bridge");
    assertThat(fluentd.ports()).containsExactly(PortBinding.tcp("127.0.0.1", 31999, 24224));
    assertThat(fluentd.entrypoint()).isNull();
  }

  @Test
  void sensuJoinsTheAppNamespaceConfiguredByEnvironment() {
    ContainerSpec sensu = plan.container(Role.SENSU).orElseThrow();
    assertThat(sensu.networkMode()).isEqualTo("container:berth-team_web.0b1c-app");
    assertThat(sensu.env()).containsEntry("SENSU_BACKEND_URL", "ws://sensu:8081")
        .containsEntry("SENSU_NAMESPACE", "prod")
        .containsEntry("SENSU_NAME", "team_web.0b1c")
        .containsEntry("SENSU_SUBSCRIPTIONS", "app:/team/web frontend")
        .containsEntry("SENSU_KEEPALIVE_INTERVAL", "20")
        .containsEntry("SENSU_DEREGISTER", "true")
        .containsEntry("SENSU_API_HOST", "0.0.0.0")
        .containsEntry("SENSU_API_PORT", "3031");
    assertThat(sensu.env().get("SENSU_LABELS")).contains("\"app_id\":\"/team/web\"")
        .contains("\"task_id\":\"team_web.0b1c\"").contains("\"port\":\"31001\"");
  }

  @Test
  void helperCommandsRunInAShell() {
    HelperSettings withCommands = new HelperSettings(true, "busybox", "nc -l -p 24224", true, "busybox",
        "httpd -f -p 3031", null, null);
    PodPlan p = PodPlan.of(aTask(aBridgeApp("nginx:1", 80).build(), List.of(31001), withCommands));
    assertThat(p.container(Role.FLUENTD).orElseThrow().entrypoint()).containsExactly("/bin/sh", "-c", "nc -l -p 24224");
    assertThat(p.container(Role.SENSU).orElseThrow().entrypoint()).containsExactly("/bin/sh", "-c", "httpd -f -p 3031");
    assertThat(p.container(Role.SENSU).orElseThrow().env()).containsEntry("SENSU_NAMESPACE", "default")
        .doesNotContainKey("SENSU_BACKEND_URL");
  }

  @Test
  void aHostNetworkedAppsSensuGetsItsOwnNamespace() {
    PodPlan p = PodPlan.of(aTask(App.builder().id("/svc").cmd("x").build(), List.of(31001)));
    assertThat(p.container(Role.SENSU).orElseThrow().networkMode()).isEqualTo("bridge");
    assertThat(p.bridge()).isFalse();
  }

  @Test
  void aMissingHelperImageIsRefused() {
    HelperSettings noImage = new HelperSettings(true, null, null, false, null, null, null, null);
    assertThatThrownBy(() -> PodPlan.of(aTask(aBridgeApp("nginx:1", 80).build(), List.of(31001), noImage)))
        .isInstanceOf(InvalidPodException.class).hasMessageContaining("BERTH_FLUENTD_IMAGE");
  }

  @Test
  void anAppOnTheSensuApiPortIsRefusedInASharedNamespace() {
    assertThatThrownBy(() -> PodPlan.of(aTask(aBridgeApp("nginx:1", 3031).build(), List.of(31001))))
        .isInstanceOf(InvalidPodException.class).hasMessageContaining("3031");
  }
}
