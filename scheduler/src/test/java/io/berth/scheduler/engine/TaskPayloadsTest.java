package io.berth.scheduler.engine;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.PortMapping;
import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.core.instances.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which host ports an instance asks offers for, and how the ports it got are split in its payload. */
class TaskPayloadsTest {

  private static final HelperConfig HELPERS_OFF =
      new HelperConfig("off", null, null, null, null, null, null, "example/default:1");

  private final TaskPayloads payloads = new TaskPayloads(HelperConfig.defaults());

  @Test
  void aHostNetworkedAppAsksForItsPortsAndOneMoreForTheFluentdHelper() {
    App app = AppSpec.anApp("/team/web").normalized();

    assertThat(payloads.waiting(app, scheduled(app)).hostPorts()).containsExactly(0, 0);
  }

  @Test
  void aBridgedAppAsksForAnyPortOrTheFixedHostPortOfEachMapping() {
    App app = bridged(PortMapping.of(80), new PortMapping(443, 31443, 0, "tcp", null, null));

    assertThat(payloads.waiting(app, scheduled(app)).hostPorts()).containsExactly(0, 31443, 0);
  }

  @Test
  void thePayloadGivesTheAppItsPortsInOrderAndTheFluentdHelperTheLastOne() {
    App app = bridged(PortMapping.of(80), PortMapping.of(443));

    TaskPayload p = payloads.payload(app, launched(app, List.of(31000, 31001, 31002)));

    assertThat(p.hostPorts()).containsExactly(31000, 31001);
    assertThat(p.fluentdHostPort()).isEqualTo(31002);
    assertThat(p.helpers().fluentd()).isTrue();
    assertThat(p.helpers().sensu()).isTrue();
    assertThat(p.helpers().fluentdImage()).isEqualTo(HelperConfig.defaults().fluentdImage());
  }

  @Test
  void helpersSwitchedOffEverywhereTakeNoPortAndRunNothing() {
    TaskPayloads off = new TaskPayloads(HELPERS_OFF);
    App app = AppSpec.anApp("/team/web").normalized();

    assertThat(off.waiting(app, scheduled(app)).hostPorts()).containsExactly(0);
    TaskPayload p = off.payload(app, launched(app, List.of(31000)));
    assertThat(p.hostPorts()).containsExactly(31000);
    assertThat(p.fluentdHostPort()).isZero();
    assertThat(p.helpers().fluentd()).isFalse();
    assertThat(p.helpers().sensu()).isFalse();
    assertThat(p.defaultImage()).isEqualTo("example/default:1");
  }

  @Test
  void theAppLabelSwitchesHelpersOffForThatAppOnly() {
    App off = AppSpec.anApp("/team/web").withoutHelpers().normalized();
    App on = AppSpec.anApp("/team/db").normalized();

    assertThat(payloads.helpersOn(off)).isFalse();
    assertThat(payloads.helpersOn(on)).isTrue();
  }

  @Test
  void theWaitingInstanceCarriesTheAppsResourcesAndDefaultRole() {
    App app = AppSpec.anApp("/team/web").withCpus(0.5).normalized();

    var waiting = payloads.waiting(app, scheduled(app));

    assertThat(waiting.resources().cpus()).isEqualTo(0.5);
    assertThat(waiting.resources().memMb()).isEqualTo(32.0);
    assertThat(waiting.acceptedRoles()).containsExactly("*");
  }

  private static App bridged(PortMapping... mappings) {
    Docker docker = new Docker("example/web:1", "BRIDGE", List.of(mappings), null, null, null);
    return App.builder().id("/team/web").cpus(0.1).mem(32.0).instances(1)
        .container(new Container("DOCKER", docker, null, null)).labels(Map.of()).build().normalized();
  }

  private static Instance scheduled(App app) {
    return anInstance().ofApp(app.id()).withVersion("2026-01-01T00:00:00.000Z").scheduled().build();
  }

  private static Instance launched(App app, List<Integer> ports) {
    return scheduled(app).provisioned("agent-1", "host-1", ports, Instant.parse("2026-01-01T00:00:01Z"));
  }
}
