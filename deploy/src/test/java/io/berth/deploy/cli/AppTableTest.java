package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.HealthCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppTableTest {

  @Test
  void alignsColumnsUnderTheHeaderSortedById() {
    List<String> lines = AppTable.render(List.of(
        anApp("/worker").instances(1).tasksRunning(0).version("2026-11-26T14:00:00.000Z").build(),
        anApp("/team/web").instances(3).tasksRunning(3).tasksHealthy(2).healthChecks(List.of(httpCheck()))
            .version("2026-11-26T15:00:00.000Z").build()));

    assertThat(lines).containsExactly(
        "ID         INSTANCES  RUNNING  HEALTHY  VERSION",
        "/team/web  3          3        2        2026-11-26T15:00:00.000Z",
        "/worker    1          0        -        2026-11-26T14:00:00.000Z");
  }

  @Test
  void showsADashForHealthyWhenTheAppHasNoHealthChecks() {
    assertThat(AppTable.row(anApp("/x").instances(2).tasksRunning(2).tasksHealthy(0).version("v").build()))
        .containsExactly("/x", "2", "2", "-", "v");
  }

  @Test
  void showsADashForMissingStatus() {
    assertThat(AppTable.row(anApp("/x").build())).containsExactly("/x", "-", "-", "-", "-");
  }

  @Test
  void noAppsIsJustTheHeader() {
    assertThat(AppTable.render(List.of())).containsExactly("ID  INSTANCES  RUNNING  HEALTHY  VERSION");
  }

  static App.Builder anApp(String id) {
    return App.builder().id(id);
  }

  static HealthCheck httpCheck() {
    return io.berth.deploy.cli.Json.MAPPER.convertValue(java.util.Map.of("protocol", "HTTP", "path", "/"),
        HealthCheck.class);
  }
}
