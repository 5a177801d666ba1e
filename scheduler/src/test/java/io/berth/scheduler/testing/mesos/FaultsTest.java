package io.berth.scheduler.testing.mesos;

import static io.berth.scheduler.testing.mesos.TestTasks.aTask;
import static io.berth.scheduler.testing.mesos.TestTasks.accept;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.mesos.Encoding;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reconciliation, agent loss and return, executor crashes and master failover (stub executors). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultsTest {

  private MesosCluster cluster;

  @BeforeEach
  void start() {
    cluster = MesosCluster.builder().masters(2).agents(2).heartbeatInterval(Duration.ofSeconds(5))
        .allocationInterval(Duration.ofMillis(100)).updateRetry(Duration.ofMillis(500))
        .reregisterDelay(Duration.ofMillis(500)).start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** Subscribes and runs one task on each agent ("t0", "t1"), every update acknowledged. */
  private RawScheduler withTwoRunningTasks(Encoding encoding) {
    RawScheduler s = RawScheduler.subscribe(cluster.masterUrls().get(0), encoding, RawScheduler.framework().build());
    Map<String, Offer> byAgent = new HashMap<>();
    while (byAgent.size() < 2) {
      s.next(Event.Type.OFFERS).getOffers().getOffersList().forEach(o -> byAgent.put(o.getAgentId().getValue(), o));
    }
    for (int i = 0; i < 2; i++) {
      Offer offer = byAgent.get(cluster.agentId(i));
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("t" + i, offer).build())).build());
      runningAcknowledged(s, "t" + i);
    }
    return s;
  }

  private static void runningAcknowledged(RawScheduler s, String taskId) {
    while (true) {
      TaskStatus status = s.update(taskId);
      s.acknowledge(status);
      if (status.getState() == TaskState.TASK_RUNNING) {
        return;
      }
    }
  }

  private static Call.Reconcile.Task asked(String taskId, String agentId) {
    Call.Reconcile.Task.Builder t = Call.Reconcile.Task.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId));
    if (agentId != null) {
      t.setAgentId(AgentID.newBuilder().setValue(agentId));
    }
    return t.build();
  }

  private static void reconcile(RawScheduler s, Call.Reconcile.Task... tasks) {
    assertThat(s.send(s.call(Call.Type.RECONCILE).setReconcile(Call.Reconcile.newBuilder()
        .addAllTasks(List.of(tasks))).build())).isEqualTo(202);
  }

  private static void assertMasterGenerated(TaskStatus status, TaskStatus.Reason reason) {
    assertThat(status.hasUuid()).as("uuid").isFalse();
    assertThat(status.getSource()).isEqualTo(TaskStatus.Source.SOURCE_MASTER);
    assertThat(status.getReason()).isEqualTo(reason);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void reconciliationAnswersCarryNoUuid(Encoding encoding) {
    try (RawScheduler s = withTwoRunningTasks(encoding)) {
      reconcile(s, asked("t0", cluster.agentId(0)), asked("ghost", cluster.agentId(1)), asked("nowhere", "no-agent"));
      TaskStatus t0 = s.update("t0");
      assertThat(t0.getState()).isEqualTo(TaskState.TASK_RUNNING);
      assertMasterGenerated(t0, TaskStatus.Reason.REASON_RECONCILIATION);
      assertThat(s.update("ghost").getState()).isEqualTo(TaskState.TASK_GONE);
      assertThat(s.update("nowhere").getState()).isEqualTo(TaskState.TASK_UNKNOWN);

      reconcile(s);
      assertThat(List.of(s.update("t0"), s.update("t1"))).allSatisfy(status -> {
        assertThat(status.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertMasterGenerated(status, TaskStatus.Reason.REASON_RECONCILIATION);
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aLostAgentsTasksBecomeUnreachableAndComeBackWithIt(Encoding encoding) {
    try (RawScheduler s = withTwoRunningTasks(encoding)) {
      String lostAgent = cluster.agentId(1);
      cluster.loseAgent(1);
      TaskStatus unreachable = s.update("t1");
      assertThat(unreachable.getState()).isEqualTo(TaskState.TASK_UNREACHABLE);
      assertMasterGenerated(unreachable, TaskStatus.Reason.REASON_AGENT_REMOVED);
      assertThat(unreachable.hasUnreachableTime()).isTrue();
      Event failure = s.next(e -> e.getType() == Event.Type.FAILURE && !e.getFailure().hasExecutorId());
      assertThat(failure.getFailure().getAgentId().getValue()).isEqualTo(lostAgent);
      assertThat(cluster.tasks()).filteredOn(t -> t.taskId().equals("t1"))
          .singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("TASK_UNREACHABLE"));

      s.send(s.call(Call.Type.KILL).setKill(Call.Kill.newBuilder().setTaskId(unreachable.getTaskId())).build());
      assertThat(s.update("t1").getState()).isEqualTo(TaskState.TASK_UNREACHABLE);
      reconcile(s, asked("other", lostAgent));
      assertThat(s.update("other").getState()).isEqualTo(TaskState.TASK_UNREACHABLE);

      cluster.restoreAgent(1);
      TaskStatus back = s.update("t1");
      assertThat(back.getState()).isEqualTo(TaskState.TASK_RUNNING);
      assertMasterGenerated(back, TaskStatus.Reason.REASON_AGENT_REREGISTERED);
      s.send(s.call(Call.Type.KILL).setKill(Call.Kill.newBuilder().setTaskId(back.getTaskId())).build());
      TaskStatus killed = s.update("t1");
      assertThat(killed.getState()).isEqualTo(TaskState.TASK_KILLED);
      assertThat(killed.getUuid().size()).isEqualTo(16);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aFrameworkThatIsNotPartitionAwareSeesTaskLostInstead(Encoding encoding) {
    var info = RawScheduler.framework().clearCapabilities().clearRoles();
    try (RawScheduler s = RawScheduler.subscribe(cluster.masterUrls().get(0), encoding, info.build())) {
      Offer offer = s.next(Event.Type.OFFERS).getOffers().getOffersList().stream()
          .filter(o -> o.getAgentId().getValue().equals(cluster.agentId(0))).findFirst().orElseThrow();
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("t0", offer).build())).build());
      runningAcknowledged(s, "t0");
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("stale", offer).build())).build());
      TaskStatus stale = s.update("stale");
      assertThat(stale.getState()).isEqualTo(TaskState.TASK_LOST);
      assertMasterGenerated(stale, TaskStatus.Reason.REASON_INVALID_OFFERS);
      reconcile(s, asked("ghost", cluster.agentId(1)));
      assertThat(s.update("ghost").getState()).isEqualTo(TaskState.TASK_LOST);
      cluster.loseAgent(0);
      TaskStatus lost = s.update("t0");
      assertThat(lost.getState()).isEqualTo(TaskState.TASK_LOST);
      assertMasterGenerated(lost, TaskStatus.Reason.REASON_AGENT_REMOVED);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void offersOfALostAgentAreRescinded(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(cluster.masterUrls().get(0), encoding,
        RawScheduler.framework().build())) {
      Offer offer = s.next(Event.Type.OFFERS).getOffers().getOffersList().stream()
          .filter(o -> o.getAgentId().getValue().equals(cluster.agentId(0))).findFirst().orElseThrow();
      cluster.loseAgent(0);
      assertThat(s.next(Event.Type.RESCIND).getRescind().getOfferId()).isEqualTo(offer.getId());
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void updatesOfALostAgentAreHeldUntilItReturns(Encoding encoding) throws Exception {
    try (RawScheduler s = withTwoRunningTasks(encoding)) {
      cluster.loseAgent(0);
      assertThat(s.update("t0").getState()).isEqualTo(TaskState.TASK_UNREACHABLE);
      s.next(Event.Type.FAILURE);
      cluster.crashExecutor("t0");
      s.clear();
      Event e;
      while ((e = s.poll(Duration.ofSeconds(1))) != null) {
        assertThat(e.getType()).isIn(Event.Type.HEARTBEAT, Event.Type.OFFERS);
      }
      cluster.restoreAgent(0);
      TaskStatus failed = s.update("t0");
      assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
      assertThat(failed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_AGENT);
      assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED);
      assertThat(failed.getUuid().size()).isEqualTo(16);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aCrashedExecutorFailsItsTaskAndIsReported(Encoding encoding) {
    try (RawScheduler s = withTwoRunningTasks(encoding)) {
      cluster.crashExecutor("t1");
      TaskStatus failed = s.update("t1");
      assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
      assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED);
      Event failure = s.next(Event.Type.FAILURE);
      assertThat(failure.getFailure().getExecutorId().getValue()).isEqualTo("executor.t1");
      assertThat(failure.getFailure().getStatus()).isEqualTo(9);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void afterMasterFailoverTasksAreAnsweredOnceTheirAgentsReregister(Encoding encoding) {
    try (RawScheduler s = withTwoRunningTasks(encoding)) {
      cluster.failover(1);
      assertThat(s.ended).succeedsWithin(RawScheduler.WAIT);
      try (RawScheduler again = s.resubscribe(cluster.masterUrls().get(1))) {
        TaskStatus t0 = null;
        while (t0 == null) { // no answer until the agent re-registered: ask again, as schedulers must
          reconcile(again, asked("t0", cluster.agentId(0)));
          try {
            t0 = again.next(e -> e.getType() == Event.Type.UPDATE, Duration.ofMillis(300)).getUpdate().getStatus();
          } catch (AssertionError none) {
            // not yet
          }
        }
        assertThat(t0.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(cluster.calls()).filteredOn(c -> c.type().equals("RECONCILE")).last()
            .satisfies(c -> assertThat(c.masterIndex()).isEqualTo(1));
      }
    }
  }
}
