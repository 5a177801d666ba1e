package io.berth.scheduler.core.reconcile;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static io.berth.scheduler.core.reconcile.ReconcilerTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEffect.Expunge;
import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.InstanceTransitions;
import io.berth.scheduler.core.instances.RescheduleReason;
import io.berth.scheduler.core.instances.Transition;
import io.berth.scheduler.core.reconcile.Decision.Adopt;
import io.berth.scheduler.core.reconcile.Decision.ForInstance;
import io.berth.scheduler.core.reconcile.Decision.KillOrphan;
import io.berth.scheduler.core.reconcile.Decision.MarkLost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up: the store against the cluster, after a scheduler restart. */
class ReconciliationTest {

  private static ObservedTask observed(Instance instance, InstanceState state) {
    return ObservedTask.of(instance.id().value(), instance.agentId(), state);
  }

  /** The decision about {@code instance}, carried out through its state machine. */
  private static Transition carryOut(Decision decision, Instance instance) {
    return InstanceTransitions.apply(instance, ((ForInstance) decision).event(), NOW);
  }

  @Test
  void adoptsRunningContainersUnderTheSameIdsWithoutStartingOrStoppingAny() {
    Instance a = anInstance().running().healthy().build();
    Instance b = anInstance().running().build();

    List<Decision> decisions = Reconciliation.atStartup(List.of(a, b),
        List.of(observed(a, InstanceState.RUNNING), observed(b, InstanceState.RUNNING)));

    assertThat(decisions).extracting(d -> (Object) d.getClass()).containsOnly(Adopt.class);
    assertThat(carryOut(decisions.get(0), a).effects()).isEmpty();
    assertThat(carryOut(decisions.get(1), b).effects()).isEmpty();
  }

  @Test
  void aLaunchThatWentOutBeforeTheCrashIsAdoptedAsRunning() {
    Instance provisioned = anInstance().provisioned().build();

    List<Decision> decisions = Reconciliation.atStartup(List.of(provisioned),
        List.of(observed(provisioned, InstanceState.RUNNING)));

    Transition t = carryOut(decisions.get(0), provisioned);
    assertThat(t.instance().state()).isEqualTo(InstanceState.RUNNING);
    assertThat(t.effects()).containsExactly(new Persist(t.instance()));
  }

  @Test
  void anInstanceTheClusterDoesNotHaveIsLostAndReplacedNeverRelaunched() {
    Instance neverSent = anInstance().provisioned().build();
    Instance diedMeanwhile = anInstance().running().build();

    List<Decision> decisions = Reconciliation.atStartup(List.of(neverSent, diedMeanwhile), List.of());

    assertThat(decisions).hasSize(2).allSatisfy(d -> assertThat(d).isInstanceOf(MarkLost.class));
    Transition t = carryOut(decisions.get(0), neverSent);
    assertThat(t.instance().state()).isEqualTo(InstanceState.LOST);
    assertThat(t.effects()).containsExactly(new Expunge(neverSent.id()),
        new Reschedule(t.instance(), RescheduleReason.LOST));
  }

  @Test
  void aContainerThatExitedWhileTheSchedulerWasDownIsReplaced() {
    Instance running = anInstance().running().build();

    List<Decision> decisions = Reconciliation.atStartup(List.of(running),
        List.of(observed(running, InstanceState.FAILED)));

    Transition t = carryOut(decisions.get(0), running);
    assertThat(t.effects()).extracting(e -> (Object) e.getClass()).containsExactly(Expunge.class, Reschedule.class);
  }

  @Test
  void aContainerGivenUpBeforeTheCrashIsKilledAgain() {
    Instance killing = anInstance().killing().decommissioned().build();

    List<Decision> decisions = Reconciliation.atStartup(List.of(killing),
        List.of(observed(killing, InstanceState.RUNNING)));

    assertThat(carryOut(decisions.get(0), killing).effects()).singleElement().isInstanceOf(Kill.class);
  }

  @Test
  void killsContainersTheStoreDoesNotKnowAndLeavesWaitingInstancesWaiting() {
    Instance waiting = anInstance().scheduled().build();
    ObservedTask stray = ObservedTask.of("team_web.unknown-1", "agent-1", InstanceState.RUNNING);

    assertThat(Reconciliation.atStartup(List.of(waiting), List.of(stray)))
        .containsExactly(new KillOrphan("team_web.unknown-1", "agent-1"));
  }

  @Test
  void forgetsEndedInstances() {
    Instance ended = anInstance().in(InstanceState.KILLED).build();

    assertThat(Reconciliation.atStartup(List.of(ended), List.of()))
        .containsExactly(new Decision.Expunge(ended.id()));
  }

  @Test
  void anUnconfirmedTaskIsLeftAsItIs() {
    Instance running = anInstance().running().build();

    assertThat(Reconciliation.atStartup(List.of(running), List.of(), java.util.Set.of(running.id().value())))
        .isEmpty();
    assertThat(Reconciliation.atStartup(List.of(running), List.of()))
        .singleElement().isInstanceOf(MarkLost.class);
  }
}
