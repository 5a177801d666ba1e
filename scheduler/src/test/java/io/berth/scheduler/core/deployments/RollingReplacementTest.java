package io.berth.scheduler.core.deployments;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.deployments.RollingReplacement.Plan;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceBuilder;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceIdSource;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.KillReason;
import io.berth.scheduler.core.reconcile.Decision;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One step of a rolling replacement under each upgrade strategy Marathon users pick. */
class RollingReplacementTest {

  private static final String APP = "/team/web";
  private static final String OLD = "2026-01-01T00:00:00.000Z";
  private static final String NEW = "2026-02-01T00:00:00.000Z";
  private static final Instant NOW = Instant.parse("2026-02-01T00:01:00Z");

  private final AtomicInteger counter = new AtomicInteger();
  private final InstanceIdSource ids = appId -> InstanceId.forApp(appId, "new-" + counter.incrementAndGet());

  @Test
  void nothingToDoWhenEveryActiveInstanceRunsTheCurrentConfig() {
    Plan plan = step(target(2, 1, 1), fresh().running().build(), fresh().running().build(),
        old().killing().decommissioned().build());

    assertThat(plan.inProgress()).isFalse();
    assertThat(plan.decisions()).isEmpty();
  }

  @Test
  void aScaleOnlyVersionLaterThanTheConfigCountsAsCurrent() {
    Instance scaledLater = anInstance().ofApp(APP).withVersion("2026-03-01T00:00:00.000Z").running().build();

    assertThat(RollingReplacement.isCurrent(scaledLater, NEW)).isTrue();
    assertThat(step(target(1, 1, 1), scaledLater).inProgress()).isFalse();
  }

  @Nested
  class FullCapacityWithRoomToGrow { // minimumHealthCapacity 1, maximumOverCapacity 1 (Marathon's default)

    @Test
    void firstStartsAllNewInstancesAndKillsNothing() {
      Plan plan = step(target(2, 1, 1), old().running().build(), old().running().build());

      assertThat(plan.inProgress()).isTrue();
      assertThat(killed(plan)).isEmpty();
      assertThat(scheduled(plan)).hasSize(2).allSatisfy(i -> assertThat(i.appVersion()).isEqualTo(NEW));
    }

    @Test
    void waitsWhileNewInstancesAreNotRunningYet() {
      Plan plan = step(target(2, 1, 1), old().running().build(), old().running().build(),
          fresh().running().build(), fresh().staging().build());

      assertThat(killed(plan)).hasSize(1);
      assertThat(scheduled(plan)).isEmpty();

      Plan waiting = step(target(2, 1, 1), old().running().build(), old().running().build(),
          fresh().staging().build(), fresh().scheduled().build());
      assertThat(waiting.decisions()).isEmpty();
    }

    @Test
    void killsOneOldInstancePerReadyNewOneOldestFirst() {
      Instance older = old().running().startedAt(NOW.minusSeconds(600)).build();
      Instance younger = old().running().startedAt(NOW.minusSeconds(60)).build();

      Plan plan = step(target(2, 1, 1), younger, older, fresh().running().build(), fresh().staging().build());

      assertThat(killed(plan)).containsExactly(older.id());
    }

    @Test
    void killsOldInstancesThatAreNotReadyAtOnce() {
      Instance scheduled = old().scheduled().build();
      Instance staging = old().staging().build();

      Plan plan = step(target(2, 1, 1), scheduled, staging);

      assertThat(killed(plan)).containsExactlyInAnyOrder(scheduled.id(), staging.id());
      assertThat(scheduled(plan)).hasSize(2);
    }
  }

  @Nested
  class NoCapacityGuarantee { // 0 / 0: stop everything old, start everything new

    @Test
    void killsEveryOldInstanceAndStartsAllNewOnesInOneStep() {
      Plan plan = step(target(2, 0, 0), old().running().build(), old().running().build());

      assertThat(killed(plan)).hasSize(2);
      assertThat(scheduled(plan)).hasSize(2);
    }
  }

  @Nested
  class HalfCapacityNoOverCapacity { // 0.5 / 0

    @Test
    void replacesHalfAtATime() {
      Plan plan = step(target(2, 0.5, 0), old().running().build(), old().running().build());

      assertThat(killed(plan)).hasSize(1);
      assertThat(scheduled(plan)).hasSize(1);
    }

    @Test
    void thenWaitsForTheNewOneBeforeReplacingTheOther() {
      Instance remaining = old().running().build();
      Instance gone = old().killing().decommissioned().build();

      assertThat(step(target(2, 0.5, 0), remaining, gone, fresh().staging().build()).decisions()).isEmpty();

      Plan next = step(target(2, 0.5, 0), remaining, gone, fresh().running().build());
      assertThat(killed(next)).containsExactly(remaining.id());
      assertThat(scheduled(next)).hasSize(1);
    }
  }

  @Nested
  class FullCapacityNoOverCapacity { // 1 / 0 would allow neither a launch nor a kill

    @Test
    void oneExtraInstanceIsAllowedSoTheReplacementAdvances() {
      Plan plan = step(target(2, 1, 0), old().running().build(), old().running().build());

      assertThat(killed(plan)).isEmpty();
      assertThat(scheduled(plan)).hasSize(1);
    }

    @Test
    void eachReadyNewInstanceFreesOneOldOneAndMakesRoomForTheNext() {
      Plan plan = step(target(2, 1, 0), old().running().build(), old().running().build(),
          fresh().running().build());

      assertThat(killed(plan)).hasSize(1);
      assertThat(scheduled(plan)).hasSize(1);
    }

    @Test
    void aSingleInstanceAppIsReplacedStartBeforeStop() {
      Plan plan = step(target(1, 1, 0), old().running().build());

      assertThat(killed(plan)).isEmpty();
      assertThat(scheduled(plan)).hasSize(1);
    }
  }

  @Nested
  class ScalingDuringAReplacement {

    @Test
    void scalingUpStartsTheNewCountOfNewInstances() {
      Plan plan = step(target(4, 1, 1), old().running().build(), old().running().build());

      assertThat(killed(plan)).isEmpty();
      assertThat(scheduled(plan)).hasSize(4);
    }

    @Test
    void scalingDownKillsOldInstancesTheNewOnesAlreadyCover() {
      Plan plan = step(target(1, 1, 1), old().running().build(), old().running().build(),
          fresh().running().build());

      assertThat(killed(plan)).hasSize(2);
      assertThat(scheduled(plan)).isEmpty();
    }

    @Test
    void scalingToZeroKillsEveryOldInstance() {
      Plan plan = step(target(0, 1, 1), old().running().build(), old().running().build());

      assertThat(killed(plan)).hasSize(2);
      assertThat(scheduled(plan)).isEmpty();
    }
  }

  @Nested
  class WithHealthChecks {

    @Test
    void aRunningNewInstanceWithoutAVerdictIsNotReady() {
      Plan plan = step(healthChecked(2), old().running().healthy().build(), old().running().healthy().build(),
          fresh().running().build(), fresh().running().unhealthy().build());

      assertThat(killed(plan)).isEmpty();
      assertThat(scheduled(plan)).isEmpty();
    }

    @Test
    void aHealthyNewInstanceFreesAnOldOne() {
      Plan plan = step(healthChecked(2), old().running().healthy().build(), old().running().healthy().build(),
          fresh().running().healthy().build(), fresh().running().build());

      assertThat(killed(plan)).hasSize(1);
    }

    @Test
    void anUnhealthyOldInstanceGoesFirstAndAtOnce() {
      Instance sick = old().running().unhealthy().build();

      Plan plan = step(healthChecked(2), old().running().healthy().build(), sick);

      assertThat(killed(plan)).containsExactly(sick.id());
      assertThat(scheduled(plan)).hasSize(2);
    }
  }

  private Plan step(ReplacementTarget target, Instance... instances) {
    return RollingReplacement.plan(target, Arrays.asList(instances), ids, NOW);
  }

  private static ReplacementTarget target(int instances, double minimumHealthCapacity, double maximumOverCapacity) {
    return new ReplacementTarget(APP, NEW, NEW, instances, minimumHealthCapacity, maximumOverCapacity, false);
  }

  private static ReplacementTarget healthChecked(int instances) {
    return new ReplacementTarget(APP, NEW, NEW, instances, 1, 1, true);
  }

  private static InstanceBuilder old() {
    return anInstance().ofApp(APP).withVersion(OLD);
  }

  private static InstanceBuilder fresh() {
    return anInstance().ofApp(APP).withVersion(NEW);
  }

  private static List<InstanceId> killed(Plan plan) {
    return plan.decisions().stream().filter(Decision.KillInstance.class::isInstance)
        .map(Decision.KillInstance.class::cast)
        .peek(k -> assertThat(k.reason()).isEqualTo(KillReason.UPGRADE))
        .map(Decision.KillInstance::id).toList();
  }

  private static List<Instance> scheduled(Plan plan) {
    return plan.decisions().stream().filter(Decision.Schedule.class::isInstance)
        .map(d -> ((Decision.Schedule) d).instance())
        .peek(i -> assertThat(i.state()).isEqualTo(InstanceState.SCHEDULED)).toList();
  }
}
