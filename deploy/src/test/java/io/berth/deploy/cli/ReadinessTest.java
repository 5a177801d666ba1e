package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
import io.berth.api.model.Task;
import io.berth.api.model.VersionInfo;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @Nested
  class WithoutHealthChecks {

    @Test
    void isReadyWhenEveryInstanceRunsAndNoDeploymentIsLeft() {
      Readiness r = Readiness.of(app(3).tasksRunning(3).tasksHealthy(0).build());
      assertThat(r.ready()).isTrue();
      assertThat(r.summary()).isEqualTo("/team/web: 3/3 running");
    }

    @Test
    void isNotReadyWhileInstancesAreMissing() {
      assertThat(Readiness.of(app(3).tasksRunning(2).build()).ready()).isFalse();
    }

    @Test
    void isNotReadyWithTooManyInstancesDuringAScaleDown() {
      assertThat(Readiness.of(app(1).tasksRunning(2).build()).ready()).isFalse();
    }

    @Test
    void anAppScaledToZeroIsReadyWithNothingRunning() {
      assertThat(Readiness.of(app(0).tasksRunning(0).build()).ready()).isTrue();
    }
  }

  @Nested
  class WithHealthChecks {

    @Test
    void waitsForEveryInstanceToBeHealthy() {
      Readiness r = Readiness.of(app(2).healthChecks(List.of(AppTableTest.httpCheck()))
          .tasksRunning(2).tasksHealthy(1).build());
      assertThat(r.ready()).isFalse();
      assertThat(r.summary()).isEqualTo("/team/web: 2/2 running, 1/2 healthy");
    }

    @Test
    void isReadyWhenAllAreHealthy() {
      assertThat(Readiness.of(app(2).healthChecks(List.of(AppTableTest.httpCheck()))
          .tasksRunning(2).tasksHealthy(2).build()).ready()).isTrue();
    }
  }

  @Test
  void aListedDeploymentMeansNotReadyAndIsNamed() {
    Readiness r = Readiness.of(app(1).tasksRunning(1).deployments(List.of(new DeploymentRef("d-1"))).build());
    assertThat(r.ready()).isFalse();
    assertThat(r.summary()).isEqualTo("/team/web: 1/1 running, deployments in progress: d-1");
  }

  @Nested
  class RightAfterAChange {

    private static final String V1 = "2026-11-26T10:00:00.000Z";
    private static final String V2 = "2026-11-26T11:00:00.000Z";
    private static final String V3 = "2026-11-26T12:00:00.000Z";

    @Test
    void tasksOfAnOlderConfigurationMeanNotReady() {
      Readiness r = Readiness.of(app(2).version(V2).versionInfo(new VersionInfo(V2, V2)).tasksRunning(2)
          .tasks(List.of(task(V1, "TASK_RUNNING"), task(V2, "TASK_RUNNING"))).build());
      assertThat(r.ready()).isFalse();
      assertThat(r.summary()).isEqualTo("/team/web: 2/2 running, 1 of an older version still up");
    }

    @Test
    void afterAScaleTheTasksOfTheSameConfigurationCount() {
      App scaled = app(2).version(V3).versionInfo(new VersionInfo(V3, V2)).tasksRunning(2)
          .tasks(List.of(task(V2, "TASK_RUNNING"), task(V3, "TASK_RUNNING"))).build();
      assertThat(Readiness.of(scaled, V3).ready()).isTrue();
    }

    @Test
    void endedOldTasksDoNotCount() {
      App app = app(1).version(V2).versionInfo(new VersionInfo(V2, V2)).tasksRunning(1)
          .tasks(List.of(task(V1, "TASK_KILLED"), task(V2, "TASK_RUNNING"))).build();
      assertThat(Readiness.of(app).ready()).isTrue();
    }

    @Test
    void anAnswerOlderThanTheChangeIsNotReady() {
      Readiness r = Readiness.of(app(1).version(V1).tasksRunning(1).build(), V2);
      assertThat(r.ready()).isFalse();
      assertThat(r.summary()).isEqualTo("/team/web: 1/1 running, server still shows version " + V1);
    }

    private static Task task(String version, String state) {
      return new Task("web." + version, "/team/web", "host", null, null, null, null, state, null, null, version,
          null, null);
    }
  }

  @Test
  void missingCountersCountAsZero() {
    assertThat(Readiness.of(app(1).build()).ready()).isFalse();
  }

  private static App.Builder app(int instances) {
    return App.builder().id("/team/web").instances(instances);
  }
}
