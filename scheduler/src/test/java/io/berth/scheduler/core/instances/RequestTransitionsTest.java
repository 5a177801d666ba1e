package io.berth.scheduler.core.instances;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceEvent.KillRequest;
import io.berth.scheduler.core.instances.InstanceEvent.LaunchRequest;
import io.berth.scheduler.core.instances.InstanceEvent.UnreachableExpired;
import io.berth.scheduler.core.instances.Transition.Outcome;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scheduler's own requests: launch, kill, unreachable expiry. */
class RequestTransitionsTest {

  private static final Instant NOW = InstanceTransitionsTest.NOW;

  private static Transition apply(Instance instance, InstanceEvent event) {
    return InstanceTransitions.apply(instance, event, NOW);
  }

  @Nested
  class LaunchRequests {
    @ParameterizedTest
    @EnumSource(value = InstanceState.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAScheduledInstanceIsEverLaunched(InstanceState state) {
      Instance instance = anInstance().in(state).build();
      Transition t = apply(instance, new LaunchRequest("agent-9", "host-9", List.of()));
      assertThat(t.outcome()).isEqualTo(Outcome.ILLEGAL);
      assertThat(t.effects()).isEmpty();
      assertThat(t.instance()).isEqualTo(instance);
    }
  }

  @Nested
  class KillRequests {
    @ParameterizedTest
    @EnumSource(value = InstanceState.class, names = {"PROVISIONED", "STAGING", "STARTING", "RUNNING"})
    void aLaunchedInstanceIsMarkedKillingThenKilled(InstanceState state) {
      Instance instance = anInstance().in(state).build();
      Transition t = apply(instance, new KillRequest(KillReason.SCALE_DOWN));
      assertThat(t.instance().state()).isEqualTo(InstanceState.KILLING);
      assertThat(t.instance().isDecommissioned()).isTrue();
      assertThat(t.instance().isActive()).isFalse();
      assertThat(t.effects()).containsExactly(new Persist(t.instance()),
          new Kill(t.instance(), KillReason.SCALE_DOWN));
    }

    @Test
    void anUnhealthyKillCountsAsAFailedRun() {
      Transition t = apply(anInstance().running().unhealthy().build(), new KillRequest(KillReason.UNHEALTHY));
      assertThat(t.effects()).hasSize(3);
      assertThat(t.effects().get(2)).isEqualTo(new Reschedule(t.instance(), RescheduleReason.UNHEALTHY));
    }

    @Test
    void askingTwiceSendsTheKillAgainWithoutWriting() {
      Instance killing = anInstance().killing().decommissioned().build();
      Transition t = apply(killing, new KillRequest(KillReason.USER_REQUEST));
      assertThat(t.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(t.effects()).containsExactly(new Kill(killing, KillReason.USER_REQUEST));
    }

    @Test
    void anUnreachableInstanceIsGivenUpAndKilledWhereverItIs() {
      Transition t = apply(anInstance().unreachable().build(), new KillRequest(KillReason.APP_REMOVED));
      assertThat(t.instance().state()).isEqualTo(InstanceState.UNREACHABLE);
      assertThat(t.instance().isDecommissioned()).isTrue();
      assertThat(t.effects()).extracting(Object::getClass).containsExactly(Persist.class, Kill.class);
    }

    @Test
    void anEndedInstanceNeedsNoKill() {
      Arrays.stream(InstanceState.values()).filter(InstanceState::isTerminal).forEach(state -> {
        Transition t = apply(anInstance().in(state).build(), new KillRequest(KillReason.USER_REQUEST));
        assertThat(t.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(t.effects()).isEmpty();
      });
    }
  }

  @Nested
  class UnreachableExpiry {
    @Test
    void givesTheInstanceUpAndAsksForAReplacement() {
      Transition t = apply(anInstance().unreachable().build(), new UnreachableExpired());
      assertThat(t.instance().isDecommissioned()).isTrue();
      assertThat(t.instance().state()).isEqualTo(InstanceState.UNREACHABLE);
      assertThat(t.effects()).containsExactly(new Persist(t.instance()),
          new Reschedule(t.instance(), RescheduleReason.UNREACHABLE));
    }

    @Test
    void isRepeatedHarmlessly() {
      Transition t = apply(anInstance().unreachable().decommissioned().build(), new UnreachableExpired());
      assertThat(t.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(t.effects()).isEmpty();
    }

    @Test
    void isIllegalForAReachableInstance() {
      Transition t = apply(anInstance().running().build(), new UnreachableExpired());
      assertThat(t.outcome()).isEqualTo(Outcome.ILLEGAL);
      assertThat(t.effects()).isEmpty();
    }
  }
}
