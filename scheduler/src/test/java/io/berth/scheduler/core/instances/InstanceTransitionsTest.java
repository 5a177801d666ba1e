package io.berth.scheduler.core.instances;

import static io.berth.scheduler.core.instances.InstanceBuilder.T0;
import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.InstanceEffect.Acknowledge;
import io.berth.scheduler.core.instances.InstanceEffect.Expunge;
import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Launch;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceEffect.ResetBackoff;
import io.berth.scheduler.core.instances.InstanceEvent.KillRequest;
import io.berth.scheduler.core.instances.InstanceEvent.LaunchRequest;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.Transition.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Status updates per state, with their effects. The full pair table is in TransitionTableTest. */
class InstanceTransitionsTest {

  static final Instant NOW = T0.plusSeconds(60);

  private Transition transition;

  private Transition update(Instance from, InstanceState to) {
    return update(from, new StatusUpdate(to, "msg", null, UpdateSource.EXECUTOR, null));
  }

  private Transition update(Instance from, StatusUpdate update) {
    transition = InstanceTransitions.apply(from, update, NOW);
    return transition;
  }

  private void legalTransition(Instance from, InstanceState to) {
    update(from, to);
    assertThat(transition.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(transition.instance().state()).isEqualTo(to);
  }

  private void illegalTransition(Instance from, InstanceState to) {
    update(from, to);
    assertThat(transition.outcome()).isEqualTo(Outcome.ILLEGAL);
    assertThat(transition.instance()).isEqualTo(from);
    assertThat(transition.reason()).isNotBlank();
  }

  private List<Class<?>> effectKinds() {
    return transition.effects().stream().<Class<?>>map(Object::getClass).toList();
  }

  private Reschedule reschedule() {
    return transition.effects().stream().filter(Reschedule.class::isInstance).map(Reschedule.class::cast)
        .findFirst().orElseThrow();
  }

  @Nested
  class Provisioned {
    private final Instance provisioned = anInstance().provisioned().on("agent-1").build();

    @Test
    void runningStartsItAndIsPersisted() {
      legalTransition(provisioned, InstanceState.RUNNING);
      assertThat(transition.instance().startedAt()).isEqualTo(NOW);
      assertThat(effectKinds()).containsExactly(Persist.class);
    }

    @Test
    void staleStagingAfterStartingIsIgnoredAsIllegal() {
      legalTransition(provisioned, InstanceState.STARTING);
      illegalTransition(transition.instance(), InstanceState.STAGING);
      assertThat(transition.effects()).isEmpty();
    }

    @Test
    void droppedLaunchIsReplaced() {
      legalTransition(provisioned, InstanceState.DROPPED);
      assertThat(effectKinds()).containsExactly(Expunge.class, Reschedule.class);
      assertThat(reschedule().reason()).isEqualTo(RescheduleReason.LAUNCH_FAILED);
    }
  }

  @Nested
  class Running {
    private final Instance running = anInstance().running().on("agent-1").startedAt(T0).build();

    @Test
    void firstHealthyResultResetsTheBackoff() {
      update(running, new StatusUpdate(InstanceState.RUNNING, null, true, UpdateSource.EXECUTOR, null));
      assertThat(transition.outcome()).isEqualTo(Outcome.CHANGED);
      assertThat(transition.instance().healthy()).isTrue();
      assertThat(transition.instance().stateChangedAt()).isEqualTo(running.stateChangedAt());
      assertThat(transition.effects()).containsExactly(new Persist(transition.instance()),
          new ResetBackoff("/team/web"));
    }

    @Test
    void repeatedHealthIsNotWrittenAgainButAcknowledged() {
      Instance healthy = anInstance().running().healthy().build();
      update(healthy, new StatusUpdate(InstanceState.RUNNING, null, true, UpdateSource.EXECUTOR, "ack-1"));
      assertThat(transition.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(transition.effects()).containsExactly(new Acknowledge(healthy.id(), "ack-1"));
    }

    @Test
    void turningUnhealthyIsPersistedWithoutReset() {
      Instance healthy = anInstance().running().healthy().build();
      update(healthy, new StatusUpdate(InstanceState.RUNNING, null, false, UpdateSource.EXECUTOR, null));
      assertThat(transition.instance().healthy()).isFalse();
      assertThat(effectKinds()).containsExactly(Persist.class);
    }

    @Test
    void aCrashIsExpungedThenRescheduledThenAcknowledged() {
      update(running, new StatusUpdate(InstanceState.FAILED, "exit 1", null, UpdateSource.EXECUTOR, "ack-2"));
      assertThat(transition.instance().state()).isEqualTo(InstanceState.FAILED);
      assertThat(transition.instance().message()).isEqualTo("exit 1");
      assertThat(effectKinds()).containsExactly(Expunge.class, Reschedule.class, Acknowledge.class);
      assertThat(reschedule().reason()).isEqualTo(RescheduleReason.FAILED);
      assertThat(reschedule().instance().startedAt()).isEqualTo(T0);
    }

    @Test
    void exitingByItselfIsRescheduled() {
      legalTransition(running, InstanceState.FINISHED);
      assertThat(reschedule().reason()).isEqualTo(RescheduleReason.EXITED);
    }

    @Test
    void aKillNobodyAskedForIsRescheduled() {
      legalTransition(running, InstanceState.KILLED);
      assertThat(reschedule().reason()).isEqualTo(RescheduleReason.KILLED_EXTERNALLY);
    }

    @Test
    void goingBackToStartingIsIllegal() {
      illegalTransition(running, InstanceState.STARTING);
    }

    @Test
    void unreachableKeepsItsStartTime() {
      legalTransition(running, InstanceState.UNREACHABLE);
      assertThat(transition.instance().startedAt()).isEqualTo(T0);
      assertThat(transition.instance().isActive()).isTrue();
      assertThat(effectKinds()).containsExactly(Persist.class);
    }
  }

  @Nested
  class Killing {
    private final Instance killing = anInstance().killing().decommissioned().build();

    @Test
    void killedEndsItWithoutReschedule() {
      legalTransition(killing, InstanceState.KILLED);
      assertThat(effectKinds()).containsExactly(Expunge.class);
    }

    @Test
    void aRunningReportWhileKillingSendsTheKillAgain() {
      update(killing, new StatusUpdate(InstanceState.RUNNING, null, null, UpdateSource.MASTER, "ack-3"));
      assertThat(transition.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(transition.effects()).containsExactly(new Kill(killing, KillReason.NOT_WANTED),
          new Acknowledge(killing.id(), "ack-3"));
    }

    @Test
    void killingByTheExecutorItselfEndsInAReschedule() {
      Instance selfKilling = anInstance().killing().build();
      legalTransition(selfKilling, InstanceState.KILLED);
      assertThat(reschedule().reason()).isEqualTo(RescheduleReason.KILLED_EXTERNALLY);
    }

    @Test
    void runningAgainAfterTheExecutorStartedKillingIsIllegal() {
      illegalTransition(anInstance().killing().build(), InstanceState.RUNNING);
    }
  }

  @Nested
  class Unreachable {
    @Test
    void comingBackWithinTheGraceMakesItRunningAgain() {
      Instance away = anInstance().unreachable().startedAt(T0).build();
      legalTransition(away, InstanceState.RUNNING);
      assertThat(transition.instance().startedAt()).isEqualTo(T0);
      assertThat(transition.instance().isActive()).isTrue();
    }

    @Test
    void comingBackAfterItWasGivenUpKillsIt() {
      Instance givenUp = anInstance().unreachable().decommissioned().build();
      legalTransition(givenUp, InstanceState.KILLING);
      update(givenUp, InstanceState.RUNNING);
      assertThat(transition.instance().state()).isEqualTo(InstanceState.KILLING);
      assertThat(effectKinds()).containsExactly(Persist.class, Kill.class);
    }

    @Test
    void goneForGoodIsReplacedWithoutBackoff() {
      legalTransition(anInstance().unreachable().build(), InstanceState.GONE);
      assertThat(reschedule().reason()).isEqualTo(RescheduleReason.LOST);
      assertThat(reschedule().reason().countsForBackoff()).isFalse();
    }
  }

  @Nested
  class Ended {
    private final Instance killed = anInstance().in(InstanceState.KILLED).decommissioned().build();

    @Test
    void aLateRunningAfterKilledIsKilledAndStaysKilled() {
      update(killed, new StatusUpdate(InstanceState.RUNNING, null, null, UpdateSource.AGENT, "ack-4"));
      assertThat(transition.outcome()).isEqualTo(Outcome.ILLEGAL);
      assertThat(transition.instance()).isEqualTo(killed);
      assertThat(transition.effects()).containsExactly(new Kill(killed, KillReason.NOT_WANTED),
          new Acknowledge(killed.id(), "ack-4"));
    }

    @Test
    void aRepeatedEndIsOnlyAcknowledged() {
      update(killed, new StatusUpdate(InstanceState.KILLED, null, null, UpdateSource.AGENT, "ack-5"));
      assertThat(transition.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(transition.effects()).containsExactly(new Acknowledge(killed.id(), "ack-5"));
    }

    @Test
    void aDifferentEndDoesNotOverwriteTheFirst() {
      update(killed, InstanceState.FAILED);
      assertThat(transition.instance().state()).isEqualTo(InstanceState.KILLED);
      assertThat(transition.effects()).isEmpty();
    }
  }

  @Nested
  class Scheduled {
    private final Instance scheduled = anInstance().scheduled().build();

    @Test
    void aLiveReportForANeverLaunchedIdKillsWhateverRuns() {
      illegalTransition(scheduled, InstanceState.RUNNING);
      assertThat(effectKinds()).containsExactly(Kill.class);
    }

    @Test
    void anEndReportIsIllegalAndChangesNothing() {
      illegalTransition(scheduled, InstanceState.FAILED);
      assertThat(transition.effects()).isEmpty();
    }
  }

  @Test
  void theLaunchIsPersistedBeforeItIsSent() {
    Instance scheduled = anInstance().scheduled().build();
    transition = InstanceTransitions.apply(scheduled,
        new LaunchRequest("agent-2", "host-2", List.of(31001, 31002)), NOW);
    Instance placed = transition.instance();
    assertThat(placed.state()).isEqualTo(InstanceState.PROVISIONED);
    assertThat(placed.agentId()).isEqualTo("agent-2");
    assertThat(placed.hostPorts()).containsExactly(31001, 31002);
    assertThat(placed.stagedAt()).isEqualTo(NOW);
    assertThat(transition.effects()).containsExactly(new Persist(placed), new Launch(placed));
  }

  @Test
  void aKilledScheduledInstanceIsOnlyExpunged() {
    transition = InstanceTransitions.apply(anInstance().scheduled().build(),
        new KillRequest(KillReason.SCALE_DOWN), NOW);
    assertThat(transition.instance().state()).isEqualTo(InstanceState.KILLED);
    assertThat(effectKinds()).containsExactly(Expunge.class);
  }
}
