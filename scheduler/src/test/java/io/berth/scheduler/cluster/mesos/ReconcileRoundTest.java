package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcileRoundTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final TaskRef A = new TaskRef("web.a", "S0");
  private static final TaskRef B = new TaskRef("web.b", "S1");

  private final ReconcileRound round = new ReconcileRound(List.of(A, B), T0, Duration.ofSeconds(30));

  private static TaskStatus answer(String taskId, InstanceState state) {
    return new TaskStatus(taskId, "S0", state, null, null, null, true);
  }

  @Test
  void isCompleteOnceEveryKnownTaskIsAnswered() {
    round.answer(answer("web.a", InstanceState.RUNNING));
    assertThat(round.isComplete(T0)).isFalse();
    assertThat(round.remaining()).containsExactly(B);

    round.answer(answer("web.b", InstanceState.GONE));
    assertThat(round.isComplete(T0)).isTrue();
    assertThat(round.observed()).extracting(ObservedTask::taskId, ObservedTask::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("web.a", InstanceState.RUNNING),
            org.assertj.core.groups.Tuple.tuple("web.b", InstanceState.GONE));
  }

  @Test
  void asksAgainWithGrowingPausesAndOnlyAboutTheUnanswered() {
    round.answer(answer("web.a", InstanceState.RUNNING));
    assertThat(round.askAgain(T0)).isEmpty();
    assertThat(round.askAgain(T0.plusSeconds(1))).containsExactly(B);
    assertThat(round.askAgain(T0.plusSeconds(2))).as("next after 2 s more").isEmpty();
    assertThat(round.askAgain(T0.plusSeconds(3))).containsExactly(B);
    assertThat(round.askAgain(T0.plusSeconds(6))).isEmpty();
    assertThat(round.askAgain(T0.plusSeconds(7))).containsExactly(B);
  }

  @Test
  void unansweredTasksAreUnconfirmedWhenTheWaitIsOver() {
    round.answer(answer("web.a", InstanceState.RUNNING));
    assertThat(round.isComplete(T0.plusSeconds(29))).isFalse();
    assertThat(round.isComplete(T0.plusSeconds(30))).isTrue();
    assertThat(round.observed()).extracting(ObservedTask::taskId).containsExactly("web.a");
    assertThat(round.unconfirmed()).containsExactly("web.b");
  }

  @Test
  void tasksTheMasterMentionsThatNobodyKnowsAreObservedToo() {
    round.answer(answer("stray.1", InstanceState.RUNNING));
    assertThat(round.observed()).extracting(ObservedTask::taskId).contains("stray.1");
  }

  @Test
  void withNothingKnownItIsCompleteAtOnce() {
    assertThat(new ReconcileRound(List.of(), T0, Duration.ofSeconds(30)).isComplete(T0)).isTrue();
  }
}
