package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.Task;
import io.berth.scheduler.core.instances.InstanceState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Kills on behalf of the API ({@code DELETE /v2/apps/{id}/tasks/{taskId}}, with and without scale). */
class TaskKillerTest {

  private static final String WEB = "/team/web";

  private final EngineHarness h = EngineHarness.connected();
  private final TaskKiller killer = h.engine;

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Nested
  class WithScale {

    @Test
    void killsTheTaskAndLowersTheInstancesWithoutAReplacement() {
      h.create(anApp(WEB).withInstances(3));
      h.launchAndRun(WEB);
      String victim = h.storedIds(WEB).get(1);

      TaskKiller.Killed killed = killer.kill(WEB, List.of(victim), true);
      h.drain();

      assertThat(killed.tasks()).extracting(Task::id).containsExactly(victim);
      assertThat(killed.scaleChange()).isNotNull();
      assertThat(killed.scaleChange().after().instances()).isEqualTo(2);
      assertThat(h.app(WEB).instances()).isEqualTo(2);
      assertThat(h.driver.killedIds()).containsExactly(victim);
      assertThat(h.stored(WEB, InstanceState.SCHEDULED)).isEmpty();

      h.report(victim, InstanceState.KILLED);
      h.offerPlenty();

      assertThat(h.storedIds(WEB)).hasSize(2).doesNotContain(victim);
      assertThat(h.driver.launches()).hasSize(3);
    }
  }

  @Nested
  class WithoutScale {

    @Test
    void killsTheTaskAndReplacesIt() {
      h.create(anApp(WEB).withInstances(2));
      h.launchAndRun(WEB);
      String victim = h.storedIds(WEB).get(0);

      TaskKiller.Killed killed = killer.kill(WEB, List.of(victim), false);
      h.drain();

      assertThat(killed.tasks()).extracting(Task::id).containsExactly(victim);
      assertThat(killed.scaleChange()).isNull();
      assertThat(h.app(WEB).instances()).isEqualTo(2);
      assertThat(h.driver.killedIds()).containsExactly(victim);
      assertThat(h.stored(WEB, InstanceState.SCHEDULED)).hasSize(1);

      h.report(victim, InstanceState.KILLED);
      h.launchAndRun(WEB);

      assertThat(h.stored(WEB, InstanceState.RUNNING)).hasSize(2);
      assertThat(h.storedIds(WEB)).doesNotContain(victim);
      assertThat(h.queries().lastFailure(WEB)).isEmpty();
    }

    @Test
    void skipsUnknownIdsAndTasksOfOtherApps() {
      h.create(anApp(WEB).withInstances(1));
      h.create(anApp("/team/db").withInstances(1));
      h.launchAndRun(WEB);
      h.launchAndRun("/team/db");
      String dbTask = h.storedIds("/team/db").get(0);
      String version = h.app(WEB).version();

      TaskKiller.Killed killed = killer.kill(WEB, List.of(dbTask, "team_web.nope", "not-an-id"), true);

      assertThat(killed.tasks()).isEmpty();
      assertThat(h.driver.kills()).isEmpty();
      assertThat(h.app(WEB).instances()).isEqualTo(1);
      assertThat(h.app(WEB).version()).isEqualTo(version);
    }
  }

  @Nested
  class ResettingTheDelay {

    @Test
    void letsAFailedAppLaunchAtOnce() {
      h.create(anApp(WEB).withInstances(1).withBackoffSeconds(600));
      h.launchAndRun(WEB);
      h.report(h.storedIds(WEB).get(0), InstanceState.FAILED);

      assertThat(killer.resetDelay(WEB)).isTrue();
      h.offerPlenty();

      assertThat(h.queries().queue()).isEmpty();
      assertThat(h.driver.launches()).hasSize(2);
      assertThat(killer.resetDelay(WEB)).isFalse();
    }
  }
}
