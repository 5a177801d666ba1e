package io.berth.scheduler.core.reconcile;

import static io.berth.scheduler.core.instances.InstanceBuilder.T0;
import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static io.berth.scheduler.core.reconcile.DesiredAppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.KillSelection;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.KillReason;
import io.berth.scheduler.core.reconcile.Decision.Expunge;
import io.berth.scheduler.core.reconcile.Decision.KillInstance;
import io.berth.scheduler.core.reconcile.Decision.KillOrphan;
import io.berth.scheduler.core.reconcile.Decision.Schedule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  static final Instant NOW = T0.plusSeconds(3600);
  private int issued;
  private final Reconciler reconciler = new Reconciler(app -> InstanceId.forApp(app, "new-" + ++issued));

  private List<Decision> reconcile(DesiredApp app, Instance... instances) {
    return reconciler.reconcile(List.of(app), List.of(instances), List.of(), NOW);
  }

  private static KillInstance kill(Instance instance, KillReason reason) {
    return new KillInstance(instance.id(), reason);
  }

  private static Instance runningSince(int minutes) {
    return anInstance().running().startedAt(T0.plusSeconds(60L * minutes)).build();
  }

  @Nested
  class ScaleUp {
    @Test
    void schedulesTheMissingInstancesWithFreshIds() {
      List<Decision> decisions = reconcile(anApp("/team/web").withInstances(3).build(), runningSince(1));

      assertThat(decisions).containsExactly(
          new Schedule(Instance.scheduled(InstanceId.forApp("/team/web", "new-1"), DesiredAppBuilder.VERSION, NOW)),
          new Schedule(Instance.scheduled(InstanceId.forApp("/team/web", "new-2"), DesiredAppBuilder.VERSION, NOW)));
    }

    @Test
    void doesNothingWhenTheCountIsRight() {
      assertThat(reconcile(anApp("/team/web").withInstances(2).build(), runningSince(1), runningSince(2))).isEmpty();
    }

    @Test
    void countsWaitingAndLaunchingInstances() {
      Instance waiting = anInstance().scheduled().build();
      Instance staging = anInstance().staging().stagedAt(NOW.minusSeconds(10)).build();
      assertThat(reconcile(anApp("/team/web").withInstances(2).build(), waiting, staging)).isEmpty();
    }

    @Test
    void replacesAnInstanceBeingKilledAndForgetsAnEndedOne() {
      Instance killing = anInstance().killing().decommissioned().changedAt(NOW).build();
      Instance failed = anInstance().in(InstanceState.FAILED).build();

      List<Decision> decisions = reconcile(anApp("/team/web").withInstances(1).build(), killing, failed);

      assertThat(decisions).hasSize(2).contains(new Expunge(failed.id()))
          .anySatisfy(d -> assertThat(d).isInstanceOf(Schedule.class));
    }

    @Test
    void readsTheAppDefinition() {
      App app = App.builder().id("team/web").instances(4).killSelection("OLDEST_FIRST").version("v9").build();
      DesiredApp desired = DesiredApp.of(app);
      assertThat(desired.appId()).isEqualTo("/team/web");
      assertThat(desired.instances()).isEqualTo(4);
      assertThat(desired.killSelection()).isEqualTo(KillSelection.OLDEST_FIRST);
      assertThat(desired.unreachableStrategy().disabled()).isFalse();
    }
  }

  @Nested
  class ScaleDown {
    private final Instance oldest = runningSince(1);
    private final Instance middle = runningSince(2);
    private final Instance youngest = runningSince(3);

    @Test
    void youngestFirstKillsTheNewest() {
      assertThat(reconcile(anApp("/team/web").withInstances(1).youngestFirst().build(), oldest, youngest, middle))
          .containsExactly(kill(youngest, KillReason.SCALE_DOWN), kill(middle, KillReason.SCALE_DOWN));
    }

    @Test
    void oldestFirstKillsTheOldest() {
      assertThat(reconcile(anApp("/team/web").withInstances(1).oldestFirst().build(), youngest, oldest, middle))
          .containsExactly(kill(oldest, KillReason.SCALE_DOWN), kill(middle, KillReason.SCALE_DOWN));
    }

    @Test
    void killsTheLeastUsefulBeforeAnyHealthyOne() {
      Instance healthyYoung = anInstance().running().healthy().startedAt(NOW.minusSeconds(5)).build();
      Instance unhealthyOld = anInstance().running().unhealthy().startedAt(T0).build();
      Instance staging = anInstance().staging().stagedAt(NOW.minusSeconds(60)).build();
      Instance waiting = anInstance().scheduled().changedAt(T0).build();
      Instance away = anInstance().unreachable().changedAt(NOW).build();
      DesiredApp app = anApp("/team/web").withInstances(1).youngestFirst().unreachableDisabled().build();

      assertThat(reconcile(app, healthyYoung, unhealthyOld, staging, waiting, away)).containsExactly(
          kill(away, KillReason.SCALE_DOWN), kill(waiting, KillReason.SCALE_DOWN),
          kill(staging, KillReason.SCALE_DOWN), kill(unhealthyOld, KillReason.SCALE_DOWN));
    }

    @Test
    void scalingToZeroKillsAll() {
      assertThat(reconcile(anApp("/team/web").withInstances(0).build(), oldest, youngest)).hasSize(2)
          .allSatisfy(d -> assertThat(d).isInstanceOf(KillInstance.class));
    }
  }

  @Nested
  class Cleanup {
    @Test
    void killsTheInstancesOfAnAppThatIsGone() {
      Instance running = runningSince(1);
      Instance waiting = anInstance().scheduled().build();
      Instance ended = anInstance().in(InstanceState.FINISHED).build();
      Instance givenUp = anInstance().unreachable().decommissioned().build();
      Instance killing = anInstance().killing().decommissioned().changedAt(NOW).build();

      List<Decision> decisions = reconciler.reconcile(List.of(),
          List.of(running, waiting, ended, givenUp, killing), List.of(), NOW);

      assertThat(decisions).containsExactlyInAnyOrder(kill(running, KillReason.APP_REMOVED),
          kill(waiting, KillReason.APP_REMOVED), new Expunge(ended.id()), new Expunge(givenUp.id()));
    }

    @Test
    void killsTasksTheStoreDoesNotKnow() {
      Instance known = runningSince(1);
      List<ObservedTask> cluster = List.of(
          ObservedTask.of(known.id().value(), "agent-1", InstanceState.RUNNING),
          ObservedTask.of("team_web.stray", "agent-2", InstanceState.RUNNING),
          ObservedTask.of("team_web.dead", "agent-2", InstanceState.FAILED));

      List<Decision> decisions = reconciler.reconcile(List.of(anApp("/team/web").build()), List.of(known), cluster, NOW);

      assertThat(decisions).containsExactly(new KillOrphan("team_web.stray", "agent-2"));
    }

    @Test
    void replacesAnInstanceThatDoesNotStartInTime() {
      Instance stuck = anInstance().staging().stagedAt(NOW.minusSeconds(300)).build();
      Instance starting = anInstance().in(InstanceState.STARTING).stagedAt(NOW.minusSeconds(299)).build();

      List<Decision> decisions = reconcile(anApp("/team/web").withInstances(2).build(), stuck, starting);

      assertThat(decisions).hasSize(2).contains(kill(stuck, KillReason.LAUNCH_TIMEOUT))
          .anySatisfy(d -> assertThat(d).isInstanceOf(Schedule.class));
    }

    @Test
    void sendsAnUnconfirmedKillAgain() {
      Instance recent = anInstance().killing().decommissioned().changedAt(NOW.minusSeconds(29)).build();
      Instance stale = anInstance().killing().decommissioned().changedAt(NOW.minusSeconds(30)).build();

      assertThat(reconcile(anApp("/team/web").withInstances(0).build(), recent, stale))
          .containsExactly(kill(stale, KillReason.NOT_WANTED));
    }
  }
}
