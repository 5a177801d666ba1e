package io.berth.scheduler.engine;

import static io.berth.scheduler.engine.AppSpec.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.HealthCheck;
import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.core.instances.InstanceState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health verdicts from the cluster: counts, task JSON, backoff reset, readiness in a restart. */
class EngineHealthTest {

  private static final String WEB = "/team/web";
  private static final HealthCheck CHECK = HealthCheck.http("/health");

  private final EngineHarness h = EngineHarness.connected();

  @AfterEach
  void stop() throws InterruptedException {
    h.close();
  }

  @Test
  void verdictsMoveTheHealthyAndUnhealthyCounts() {
    h.create(anApp(WEB).withInstances(3).withHealthCheck(CHECK));
    h.launchAndRun(WEB);
    List<String> ids = h.storedIds(WEB);

    h.reportHealth(ids.get(0), true);
    h.reportHealth(ids.get(1), false);

    assertThat(h.queries().counts(WEB)).isEqualTo(new TaskQueries.Counts(0, 3, 1, 1));
  }

  @Test
  void resultsFromTheClusterShowInTheTaskJson() {
    h.create(anApp(WEB).withInstances(1).withHealthCheck(CHECK));
    h.launchAndRun(WEB);
    String id = h.storedIds(WEB).get(0);
    HealthCheckResult result = new HealthCheckResult(true, 0, "2026-03-01T12:00:01.000Z", null,
        "2026-03-01T12:00:01.000Z", null, id);

    h.driver.healthResults(id, List.of(result));

    assertThat(h.queries().tasks(WEB)).singleElement()
        .satisfies(t -> assertThat(t.healthCheckResults()).containsExactly(result));
  }

  @Test
  void theFirstHealthyVerdictClearsTheLaunchDelay() {
    h.create(anApp(WEB).withInstances(2).withHealthCheck(CHECK).withBackoffSeconds(120));
    h.launchAndRun(WEB);
    List<String> ids = h.storedIds(WEB);
    h.report(ids.get(0), InstanceState.FAILED);
    assertThat(h.queries().queue()).singleElement()
        .satisfies(q -> assertThat(q.entry().timeLeftSeconds()).isEqualTo(120));

    h.reportHealth(ids.get(1), true);
    h.offerPlenty();

    assertThat(h.queries().queue()).isEmpty();
    assertThat(h.driver.launches()).hasSize(3);
  }

  @Test
  void aRestartKillsAnOldInstanceOnlyOnceANewOneIsHealthy() {
    h.create(anApp(WEB).withInstances(1).withHealthCheck(CHECK));
    h.launchAndRun(WEB);
    String old = h.storedIds(WEB).get(0);
    h.reportHealth(old, true);

    h.restart(WEB);
    h.offerPlenty();
    String fresh = h.stored(WEB, InstanceState.PROVISIONED).get(0).id().value();
    h.report(fresh, InstanceState.RUNNING);
    assertThat(h.driver.kills()).isEmpty();

    h.reportHealth(fresh, false);
    assertThat(h.driver.kills()).isEmpty();

    h.reportHealth(fresh, true);
    assertThat(h.driver.killedIds()).containsExactly(old);
  }
}
