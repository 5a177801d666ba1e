package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
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

  @Test
  void missingCountersCountAsZero() {
    assertThat(Readiness.of(app(1).build()).ready()).isFalse();
  }

  private static App.Builder app(int instances) {
    return App.builder().id("/team/web").instances(instances);
  }
}
