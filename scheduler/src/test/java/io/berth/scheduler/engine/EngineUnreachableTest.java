package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks whose agent is partitioned away, under the app's unreachable strategy. */
class EngineUnreachableTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = EngineHarness.connected();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Test
  void withMarathonsDefaultATaskIsReplacedAtOnceWithoutBackoff() {
    h.create(anApp(WEB).withInstances(1).withBackoffSeconds(120));
    h.launchAndRun(WEB);
    String lost = h.storedIds(WEB).get(0);

    h.report(lost, InstanceState.UNREACHABLE);

    assertThat(h.stored(WEB)).singleElement().satisfies(i -> {
      assertThat(i.id().value()).isNotEqualTo(lost);
      assertThat(i.state()).isEqualTo(InstanceState.SCHEDULED);
    });
    h.offerPlenty();
    assertThat(h.driver.launches()).hasSize(2);
  }

  @Test
  void aReplacedTaskThatComesBackIsKilled() {
    h.create(anApp(WEB).withInstances(1));
    h.launchAndRun(WEB);
    String lost = h.storedIds(WEB).get(0);
    h.report(lost, InstanceState.UNREACHABLE);

    h.report(lost, InstanceState.RUNNING);

    assertThat(h.driver.killedIds()).containsExactly(lost);
    assertThat(h.stored(WEB)).extracting(i -> i.id().value()).doesNotContain(lost);
  }

  @Test
  void withinItsGraceATaskStillCountsAndMayComeBack() {
    h.create(anApp(WEB).withInstances(1).withUnreachableStrategy(300, 600));
    h.launchAndRun(WEB);
    Instance task = h.stored(WEB).get(0);

    h.report(task.id().value(), InstanceState.UNREACHABLE);
    assertThat(h.stored(WEB)).singleElement()
        .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.UNREACHABLE));

    h.clock.advance(Duration.ofSeconds(60));
    h.report(task.id().value(), InstanceState.RUNNING);

    assertThat(h.stored(WEB)).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo(task.id());
      assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    });
    assertThat(h.driver.kills()).isEmpty();
  }
}
