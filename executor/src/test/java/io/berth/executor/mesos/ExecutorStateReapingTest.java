package io.berth.executor.mesos;

import static io.berth.executor.mesos.ExecutorStateTest.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.mesos.ExecutorAction.KillPod;
import io.berth.executor.mesos.ExecutorAction.LaunchPod;
import io.berth.executor.mesos.ExecutorAction.ReapOrphans;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The start-up reap of orphaned pods comes before any launch (so no task races its predecessor's ports). */
class ExecutorStateReapingTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private final ExecutorState state = new ExecutorState("berth-e1", true, Duration.ofMinutes(15),
      Duration.ofSeconds(8), Duration.ofSeconds(10));

  private void subscribe() {
    state.subscribe(T0);
  }

  @Test
  void theFirstSubscribedAsksForOrphansToBeReapedAndLaterOnesDoNot() {
    subscribe();
    assertThat(state.onSubscribed()).containsExactly(new ReapOrphans());

    state.onConnectionLost(T0);
    subscribe();
    assertThat(state.onSubscribed()).isEmpty();
  }

  @Test
  void launchesWaitForTheReapThenStartInTheirOrder() {
    subscribe();
    state.onSubscribed();

    assertThat(state.onLaunch(aTask("t1"))).isEmpty();
    assertThat(state.onLaunch(aTask("t2"))).isEmpty();
    assertThat(state.onLaunch(aTask("t1"))).as("a repeated LAUNCH").isEmpty();

    assertThat(state.onOrphansReaped()).containsExactly(new LaunchPod(aTask("t1")), new LaunchPod(aTask("t2")));
    assertThat(state.onOrphansReaped()).as("only once").isEmpty();
  }

  @Test
  void afterTheReapALaunchStartsAtOnce() {
    subscribe();
    state.onSubscribed();
    state.onOrphansReaped();

    assertThat(state.onLaunch(aTask("t1"))).containsExactly(new LaunchPod(aTask("t1")));
  }

  @Test
  void aWaitingTaskThatIsKilledNeverStartsButIsStillReportedKilled() {
    subscribe();
    state.onSubscribed();
    state.onLaunch(aTask("t1"));
    state.onLaunch(aTask("t2"));

    assertThat(state.onKill("t1", null)).containsExactly(new KillPod("t1", null));

    assertThat(state.onOrphansReaped()).containsExactly(new LaunchPod(aTask("t2")));
  }

  @Test
  void aShutdownWhileTasksWaitKillsThemAndStartsNone() {
    subscribe();
    state.onSubscribed();
    state.onLaunch(aTask("t1"));

    assertThat(state.onShutdown(T0)).containsExactly(new KillPod("t1", Duration.ofSeconds(2)));

    assertThat(state.onOrphansReaped()).isEmpty();
  }
}
