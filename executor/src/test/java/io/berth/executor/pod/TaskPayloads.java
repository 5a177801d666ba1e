package io.berth.executor.pod;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.PortMapping;
import java.util.List;

/** Intention-revealing task payloads for tests. */
public final class TaskPayloads {

  public static final HelperSettings HELPERS = new HelperSettings(true, "fluent/fluentd:v1", null,
      true, "sensu/sensu:6", null, "ws://sensu:8081", "prod");

  private TaskPayloads() {}

  public static App.Builder aBridgeApp(String image, int... containerPorts) {
    List<PortMapping> mappings = java.util.Arrays.stream(containerPorts).mapToObj(PortMapping::of).toList();
    Docker docker = new Docker(image, "BRIDGE", null, null, null, null);
    return App.builder().id("/team/web").version("2026-11-26T10:00:00.000Z")
        .container(new Container("DOCKER", docker, null, mappings));
  }

  public static TaskPayload aTask(App app, List<Integer> hostPorts) {
    return aTask(app, hostPorts, HELPERS);
  }

  public static TaskPayload aTask(App app, List<Integer> hostPorts, HelperSettings helpers) {
    return new TaskPayload("team_web.0b1c", app.normalized(), "agent-1.example", "agent-1", hostPorts,
        helpers.fluentd() ? 31999 : 0, helpers, "busybox:default");
  }
}
