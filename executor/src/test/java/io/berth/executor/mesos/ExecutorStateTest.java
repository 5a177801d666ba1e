package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.berth.executor.mesos.ExecutorAction.Exit;
import io.berth.executor.mesos.ExecutorAction.KillPod;
import io.berth.executor.mesos.ExecutorAction.LaunchPod;
import io.berth.executor.mesos.ExecutorAction.Resubscribe;
import io.berth.executor.mesos.ExecutorAction.SendUpdate;
import io.berth.executor.mesos.ExecutorAction.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExecutorStateTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration RETRY = Duration.ofSeconds(10);
  private static final Duration RECOVERY = Duration.ofMinutes(15);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(8);

  private final ExecutorState state = checkpointing(true);

  private static ExecutorState checkpointing(boolean checkpoint) {
    return new ExecutorState("berth-e1", checkpoint, RECOVERY, SHUTDOWN_GRACE, RETRY);
  }

  static TaskInfo aTask(String id) {
    return TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(AgentID.newBuilder().setValue("S1")).build();
  }

  static KillPolicy grace(Duration d) {
    return KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder().setNanoseconds(d.toNanos())).build();
  }

  private static ByteString uuid(int n) {
    byte[] b = new byte[16];
    b[15] = (byte) n;
    return ByteString.copyFrom(b);
  }

  private ExecutorState subscribed(ExecutorState s) {
    s.subscribe(T0);
    s.onSubscribed();
    s.onOrphansReaped();
    return s;
  }

  private List<ExecutorAction> report(String task, TaskState st, int uuid, Instant at) {
    return state.onPodStatus(task, st, "because", null, uuid(uuid), at);
  }

  private static TaskStatus sent(List<ExecutorAction> actions) {
    assertThat(actions).hasSize(1).first().isInstanceOf(SendUpdate.class);
    return ((SendUpdate) actions.get(0)).status();
  }

  @Nested
  class Launching {
    @Test
    void aLaunchStartsThePodOnce() {
      subscribed(state);

      assertThat(state.onLaunch(aTask("t1"))).containsExactly(new LaunchPod(aTask("t1")));
      assertThat(state.onLaunch(aTask("t1"))).isEmpty();
    }

    @Test
    void aPodStatusBecomesAnExecutorUpdateWithItsUuid() {
      subscribed(state);
      state.onLaunch(aTask("t1"));

      TaskStatus status = sent(state.onPodStatus("t1", TaskState.TASK_RUNNING, "running", true, uuid(1), T0));

      assertThat(status.getTaskId().getValue()).isEqualTo("t1");
      assertThat(status.getState()).isEqualTo(TaskState.TASK_RUNNING);
      assertThat(status.getUuid()).isEqualTo(uuid(1));
      assertThat(status.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
      assertThat(status.getExecutorId().getValue()).isEqualTo("berth-e1");
      assertThat(status.getMessage()).isEqualTo("running");
      assertThat(status.getHealthy()).isTrue();
      assertThat(status.getReason()).isEqualTo(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED);
      assertThat(status.getTimestamp()).isEqualTo(T0.getEpochSecond());
    }

    @Test
    void healthIsOnlySetOnRunning() {
      subscribed(state);
      state.onLaunch(aTask("t1"));

      TaskStatus killed = sent(state.onPodStatus("t1", TaskState.TASK_KILLED, "killed after 3 failures", false,
          uuid(1), T0));

      assertThat(killed.hasHealthy()).isFalse();
      assertThat(killed.hasReason()).isFalse();
    }
  }

  @Nested
  class Acknowledgements {
    @Test
    void acknowledgedRemovesTheUpdateAndTheTaskFromTheNextSubscribe() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      report("t1", TaskState.TASK_STARTING, 1, T0);
      report("t1", TaskState.TASK_RUNNING, 2, T0);

      state.onAcknowledged("t1", uuid(1));

      assertThat(state.unacknowledgedUpdates()).extracting(TaskStatus::getUuid).containsExactly(uuid(2));
      Subscription next = state.subscribe(T0);
      assertThat(next.unacknowledgedTasks()).isEmpty();
      assertThat(next.unacknowledgedUpdates()).extracting(TaskStatus::getUuid).containsExactly(uuid(2));
    }

    @Test
    void theExecutorExitsOnceItsTaskHasEndedAndTheAgentHasTheLastUpdate() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      report("t1", TaskState.TASK_RUNNING, 1, T0);
      assertThat(state.onAcknowledged("t1", uuid(1))).isEmpty();
      report("t1", TaskState.TASK_KILLED, 2, T0);

      assertThat(state.onAcknowledged("t1", uuid(2))).singleElement().isInstanceOf(ExecutorAction.Exit.class)
          .extracting(a -> ((ExecutorAction.Exit) a).code()).isEqualTo(0);
    }

    @Test
    void anUnknownAcknowledgementChangesNothing() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      report("t1", TaskState.TASK_STARTING, 1, T0);

      assertThat(state.onAcknowledged("t1", uuid(9))).isEmpty();
      assertThat(state.subscribe(T0).unacknowledgedTasks()).containsExactly(aTask("t1"));
    }

    @Test
    void unacknowledgedUpdatesAreRetriedAfterTheInterval() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      report("t1", TaskState.TASK_STARTING, 1, T0);
      report("t1", TaskState.TASK_RUNNING, 2, T0.plusSeconds(4));

      assertThat(state.tick(T0.plusSeconds(9))).isEmpty();
      assertThat(sent(state.tick(T0.plusSeconds(10))).getUuid()).isEqualTo(uuid(1));
      assertThat(sent(state.tick(T0.plusSeconds(14))).getUuid()).isEqualTo(uuid(2));
      state.onAcknowledged("t1", uuid(1));
      state.onAcknowledged("t1", uuid(2));
      assertThat(state.tick(T0.plusSeconds(60))).isEmpty();
    }
  }

  @Nested
  class AgentConnection {
    @Test
    void updatesMadeWhileDisconnectedWaitForTheResubscribe() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      report("t1", TaskState.TASK_STARTING, 1, T0);

      assertThat(state.onConnectionLost(T0)).containsExactly(new Resubscribe());
      assertThat(report("t1", TaskState.TASK_RUNNING, 2, T0)).isEmpty();
      assertThat(state.tick(T0.plusSeconds(30))).isEmpty();

      Subscription again = state.subscribe(T0.plusSeconds(31));
      assertThat(again.unacknowledgedTasks()).containsExactly(aTask("t1"));
      assertThat(again.unacknowledgedUpdates()).extracting(TaskStatus::getUuid).containsExactly(uuid(1), uuid(2));
      assertThat(again.unacknowledgedUpdates()).extracting(TaskStatus::getState)
          .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
      state.onSubscribed();
      assertThat(state.tick(T0.plusSeconds(40))).as("just resent in SUBSCRIBE").isEmpty();
    }

    @Test
    void aCheckpointingExecutorGivesUpAfterTheRecoveryTimeout() {
      subscribed(state);

      assertThat(state.onConnectionLost(T0)).containsExactly(new Resubscribe());
      assertThat(state.onConnectionLost(T0.plus(RECOVERY).minusSeconds(1))).containsExactly(new Resubscribe());
      assertThat(state.onConnectionLost(T0.plus(RECOVERY))).singleElement().isInstanceOf(Exit.class)
          .extracting(a -> ((Exit) a).code()).isEqualTo(1);
    }

    @Test
    void aSuccessfulSubscribeRestartsTheRecoveryTimer() {
      subscribed(state);
      state.onConnectionLost(T0);
      state.onSubscribed();

      assertThat(state.onConnectionLost(T0.plus(RECOVERY).plusSeconds(1))).containsExactly(new Resubscribe());
    }

    @Test
    void withoutCheckpointingALostAgentEndsTheExecutor() {
      ExecutorState plain = subscribed(checkpointing(false));

      assertThat(plain.onConnectionLost(T0)).singleElement().isInstanceOf(Exit.class);
    }

    @Test
    void withoutCheckpointingTheFirstSubscribeIsStillRetried() {
      ExecutorState plain = checkpointing(false);
      plain.subscribe(T0);

      assertThat(plain.onConnectionLost(T0)).containsExactly(new Resubscribe());
    }
  }

  @Nested
  class Killing {
    @Test
    void theKillPolicyOfTheEventWinsOverTheTasks() {
      subscribed(state);
      state.onLaunch(aTask("t1").toBuilder().setKillPolicy(grace(Duration.ofSeconds(30))).build());

      assertThat(state.onKill("t1", grace(Duration.ofSeconds(2)))).containsExactly(new KillPod("t1", Duration.ofSeconds(2)));
      assertThat(state.onKill("t1", null)).containsExactly(new KillPod("t1", Duration.ofSeconds(30)));
    }

    @Test
    void withoutAKillPolicyThePodUsesItsOwnGrace() {
      subscribed(state);
      state.onLaunch(aTask("t1"));

      assertThat(state.onKill("t1", null)).containsExactly(new KillPod("t1", null));
    }

    @Test
    void anEndedTaskIsNotKilledAgain() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      report("t1", TaskState.TASK_FINISHED, 1, T0);

      assertThat(state.onKill("t1", null)).isEmpty();
    }

    @Test
    void aPodThatStartsAfterItsKillIsKilledAgainAndReportsNothingMore() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      sent(report("t1", TaskState.TASK_KILLED, 1, T0));

      assertThat(report("t1", TaskState.TASK_RUNNING, 2, T0)).containsExactly(new KillPod("t1", null));
      assertThat(report("t1", TaskState.TASK_KILLED, 3, T0)).isEmpty();
      assertThat(state.unacknowledgedUpdates()).extracting(TaskStatus::getUuid).containsExactly(uuid(1));
    }

    @Test
    void anUnknownTaskIsStillKilledSoTheAgentHearsBack() {
      subscribed(state);

      assertThat(state.onKill("ghost", null)).containsExactly(new KillPod("ghost", null));
    }
  }

  @Nested
  class ShuttingDown {
    @Test
    void killsEveryLiveTaskWithinAShareOfTheGracePeriod() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      state.onLaunch(aTask("t2").toBuilder().setKillPolicy(grace(Duration.ofSeconds(1))).build());
      state.onLaunch(aTask("t3"));
      report("t3", TaskState.TASK_FAILED, 1, T0);
      state.onAcknowledged("t3", uuid(1));

      assertThat(state.onShutdown(T0)).containsExactly(
          new KillPod("t1", Duration.ofSeconds(2)), new KillPod("t2", Duration.ofSeconds(1)));
    }

    @Test
    void exitsOnceEveryKillIsAcknowledged() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      state.onShutdown(T0);

      sent(report("t1", TaskState.TASK_KILLED, 1, T0.plusSeconds(1)));

      assertThat(state.onAcknowledged("t1", uuid(1))).singleElement().isEqualTo(new Exit(0, "shut down"));
    }

    @Test
    void exitsAtOnceWithNothingToKill() {
      subscribed(state);

      assertThat(state.onShutdown(T0)).containsExactly(new Exit(0, "shut down"));
    }

    @Test
    void exitsWhenTheGracePeriodIsOverEvenIfAPodHangs() {
      subscribed(state);
      state.onLaunch(aTask("t1"));
      state.onShutdown(T0);

      assertThat(state.tick(T0.plus(SHUTDOWN_GRACE).minusMillis(1))).isEmpty();
      assertThat(state.tick(T0.plus(SHUTDOWN_GRACE))).singleElement().isInstanceOf(Exit.class);
      assertThat(state.tick(T0.plus(SHUTDOWN_GRACE).plusSeconds(1))).as("exits once").isEmpty();
    }
  }
}
