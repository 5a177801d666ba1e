package io.berth.scheduler.core.reconcile;

import static io.berth.scheduler.core.reconcile.DesiredAppBuilder.anApp;
import static io.berth.scheduler.core.reconcile.ReconcilerTest.NOW;
import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.reconcile.Decision.ExpireUnreachable;
import io.berth.scheduler.core.reconcile.Decision.Expunge;
import io.berth.scheduler.core.reconcile.Decision.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unreachable instances: counted during the grace, then replaced, then forgotten. */
class ReconcilerUnreachableTest {

  private final Reconciler reconciler = new Reconciler(app -> InstanceId.forApp(app, "replacement"));
  private final DesiredApp app = anApp("/team/web").withInstances(1).unreachableInactiveAfter(60, 600).build();

  private List<Decision> reconcile(DesiredApp desired, Instance instance) {
    return reconciler.reconcile(List.of(desired), List.of(instance), List.of(), NOW);
  }

  private static Instance unreachableFor(long seconds) {
    return anInstance().unreachable().changedAt(NOW.minusSeconds(seconds)).build();
  }

  @Test
  void countsWithinTheGrace() {
    assertThat(reconcile(app, unreachableFor(59))).isEmpty();
  }

  @Test
  void isGivenUpAndReplacedAfterInactiveAfterSeconds() {
    Instance away = unreachableFor(60);
    List<Decision> decisions = reconcile(app, away);
    assertThat(decisions).hasSize(2);
    assertThat(decisions.get(0)).isEqualTo(new ExpireUnreachable(away.id()));
    assertThat(decisions.get(1)).isInstanceOf(Schedule.class);
  }

  @Test
  void aGivenUpInstanceNoLongerCounts() {
    Instance givenUp = anInstance().unreachable().decommissioned().changedAt(NOW.minusSeconds(100)).build();
    assertThat(reconcile(app, givenUp)).singleElement().isInstanceOf(Schedule.class);
  }

  @Test
  void isForgottenAfterExpungeAfterSeconds() {
    Instance givenUp = anInstance().unreachable().decommissioned().changedAt(NOW.minusSeconds(600)).build();
    assertThat(reconcile(app.withInstances(0), givenUp)).containsExactly(new Expunge(givenUp.id()));
  }

  @Test
  void marathonsDefaultReplacesAndForgetsAtOnce() {
    Instance away = unreachableFor(0);
    assertThat(reconcile(anApp("/team/web").withInstances(0).build(), away))
        .containsExactly(new ExpireUnreachable(away.id()), new Expunge(away.id()));
  }

  @Test
  void disabledKeepsWaitingForever() {
    assertThat(reconcile(anApp("/team/web").unreachableDisabled().build(), unreachableFor(86_400 * 30))).isEmpty();
  }
}
