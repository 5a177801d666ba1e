package io.berth.executor.mesos;

import static io.berth.executor.mesos.TaskPayloadReaderTest.aPayload;
import static io.berth.executor.mesos.TaskPayloadReaderTest.carrying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The executor against a fake agent over real HTTP, with fake pods (no Docker). */
@Timeout(30)
class MesosExecutorTest {

  private FakeAgent agent;
  private final FakePods pods = new FakePods();
  private MesosExecutor executor;

  @AfterEach
  void stop() {
    if (executor != null) {
      executor.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

  private MesosExecutor start(Encoding encoding, boolean checkpoint, Duration updateRetry) throws Exception {
    return start(encoding, checkpoint, updateRetry, "15mins");
  }

  private MesosExecutor start(Encoding encoding, boolean checkpoint, Duration updateRetry, String recoveryTimeout)
      throws Exception {
    agent = new FakeAgent(encoding);
    Map<String, String> vars = ExecutorEnvironmentTest.anAgentEnvironment();
    vars.put("MESOS_AGENT_ENDPOINT", agent.endpoint());
    vars.put("MESOS_CHECKPOINT", checkpoint ? "1" : "0");
    vars.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "100ms");
    vars.put("MESOS_RECOVERY_TIMEOUT", recoveryTimeout);
    vars.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "4secs");
    vars.put("BERTH_EXECUTOR_ENCODING", encoding.name().toLowerCase());
    executor = new MesosExecutor(ExecutorEnvironment.from(vars), pods::attach, Clock.systemUTC(), updateRetry).start();
    await().until(() -> agent.subscribes.size() == 1);
    return executor;
  }

  private MesosExecutor start() throws Exception {
    return start(Encoding.JSON, true, Duration.ofMinutes(5));
  }

  private List<TaskStatus> updates() {
    return agent.updates.stream().map(c -> c.getUpdate().getStatus()).toList();
  }

  private List<TaskStatus> awaitUpdates(int n) {
    await().until(() -> agent.updates.size() >= n);
    return updates();
  }

  private void launch(String taskId) {
    agent.launch(carrying(taskId, aPayload(taskId)));
  }

  @Test
  void aLaunchRunsThePodAndReportsStartingThenRunningEachWithItsOwnUuid() throws Exception {
    start();
    Call subscribe = agent.subscribes.get(0);
    assertThat(subscribe.getFrameworkId().getValue()).isEqualTo("f-0001");
    assertThat(subscribe.getExecutorId().getValue()).isEqualTo("berth-e1");
    assertThat(subscribe.getSubscribe().getUnacknowledgedUpdatesList()).isEmpty();

    launch("team_web.1");

    List<TaskStatus> updates = awaitUpdates(2);
    assertThat(updates).extracting(TaskStatus::getState).containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
    assertThat(updates).allSatisfy(u -> {
      assertThat(u.getUuid().size()).isEqualTo(16);
      assertThat(u.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
      assertThat(u.getTaskId().getValue()).isEqualTo("team_web.1");
    });
    assertThat(updates.get(0).getUuid()).isNotEqualTo(updates.get(1).getUuid());
    assertThat(updates.get(1).getHealthy()).isTrue();
    assertThat(pods.launched).extracting(p -> p.taskId()).containsExactly("team_web.1");
  }

  @Test
  void jsonCallsUseOnlyProtoFieldNames() throws Exception {
    start();
    launch("team_web.1");
    awaitUpdates(2);
    agent.dropStream();
    await().until(() -> agent.subscribes.size() == 2);

    assertThat(agent.rawBodies).filteredOn(json -> json.contains("\"unacknowledged_tasks\"")).hasSize(1);
    assertThat(agent.rawBodies).hasSizeGreaterThanOrEqualTo(4).allSatisfy(json -> {
      assertThat(json).contains("\"executor_id\"", "\"framework_id\"");
      assertThat(json).doesNotContainPattern("\"[a-z]+[A-Z][A-Za-z]*\"\\s*:");
    });
  }

  @Test
  void anUnacknowledgedUpdateIsResentOnResubscribeAfterTheStreamDrops() throws Exception {
    start();
    launch("team_web.1");
    List<TaskStatus> sent = awaitUpdates(2);
    agent.acknowledge("team_web.1", sent.get(0).getUuid());
    await().pollDelay(200, TimeUnit.MILLISECONDS).until(() -> true);

    agent.dropStream();

    await().until(() -> agent.subscribes.size() == 2);
    Call.Subscribe again = agent.subscribes.get(1).getSubscribe();
    assertThat(again.getUnacknowledgedUpdatesList()).extracting(u -> u.getStatus().getUuid())
        .containsExactly(sent.get(1).getUuid());
    assertThat(again.getUnacknowledgedTasksList()).as("the task has an acknowledged update").isEmpty();
  }

  @Test
  void aTaskWithNoAcknowledgedUpdateIsResentOnResubscribe() throws Exception {
    start();
    launch("team_web.1");
    awaitUpdates(2);

    agent.dropStream();

    await().until(() -> agent.subscribes.size() == 2);
    Call.Subscribe again = agent.subscribes.get(1).getSubscribe();
    assertThat(again.getUnacknowledgedTasksList()).extracting(t -> t.getTaskId().getValue()).containsExactly("team_web.1");
    assertThat(again.getUnacknowledgedUpdatesList()).extracting(u -> u.getStatus().getState())
        .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
  }

  @Test
  void unacknowledgedUpdatesAreRetriedAndAcknowledgedOnesAreNot() throws Exception {
    start(Encoding.JSON, true, Duration.ofMillis(300));
    launch("team_web.1");
    List<TaskStatus> first = awaitUpdates(2);
    agent.acknowledge("team_web.1", first.get(0).getUuid());

    await().until(() -> updates().stream().filter(u -> u.getUuid().equals(first.get(1).getUuid())).count() >= 3);
    assertThat(updates().stream().filter(u -> u.getUuid().equals(first.get(0).getUuid())).count())
        .as("STARTING was acknowledged at once").isLessThanOrEqualTo(2);

    agent.acknowledge("team_web.1", first.get(1).getUuid());
    await().pollDelay(200, TimeUnit.MILLISECONDS).until(() -> true);
    int settled = agent.updates.size();
    await().pollDelay(700, TimeUnit.MILLISECONDS).until(() -> true);
    assertThat(agent.updates).hasSize(settled);
  }

  @Test
  void anAgentRestartIsRiddenOutWithRetriesUntilItServesAgain() throws Exception {
    start();
    launch("team_web.1");
    awaitUpdates(2);

    agent.recoveringFor(3);
    agent.dropStream();

    await().until(() -> agent.subscribes.size() == 2);
    assertThat(agent.refusedSubscribes.get()).isEqualTo(3);
    assertThat(agent.subscribes.get(1).getSubscribe().getUnacknowledgedUpdatesCount()).isEqualTo(2);
    assertThat(executor.exitCode()).isNotDone();
  }

  @Test
  void anErrorEventMakesTheExecutorSubscribeAgain() throws Exception {
    start();

    agent.error("Executor is not subscribed");

    await().until(() -> agent.subscribes.size() == 2);
    assertThat(executor.exitCode()).isNotDone();
  }

  @Test
  void givesUpWhenTheAgentStaysAwayPastTheRecoveryTimeout() throws Exception {
    start(Encoding.JSON, true, Duration.ofMinutes(5), "1secs");

    agent.close();

    assertThat(executor.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void aKillStopsThePodWithTheKillPolicysGraceAndReportsKilled() throws Exception {
    start();
    agent.acknowledgingEverything();
    launch("team_web.1");
    awaitUpdates(2);

    agent.kill("team_web.1", ExecutorStateTest.grace(Duration.ofSeconds(7)));

    List<TaskStatus> updates = awaitUpdates(3);
    assertThat(updates.get(2).getState()).isEqualTo(TaskState.TASK_KILLED);
    assertThat(updates.get(2).getMessage()).isEqualTo("killed on request");
    assertThat(pods.kills).containsExactly(new FakePods.Kill("team_web.1", Duration.ofSeconds(7), "killed on request"));
  }

  @Test
  void aTaskWithoutAPayloadFailsWithTheReason() throws Exception {
    start();

    agent.launch(ExecutorStateTest.aTask("t1"));

    TaskStatus failed = awaitUpdates(1).get(0);
    assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(failed.getMessage()).isEqualTo("task t1 carries no Berth task payload in its data");
    assertThat(pods.launched).isEmpty();
  }

  @Test
  void shutdownKillsEveryTaskAndStopsTheExecutor() throws Exception {
    start();
    agent.acknowledgingEverything();
    launch("team_web.1");
    launch("team_web.2");
    awaitUpdates(4);

    agent.shutdown();

    assertThat(executor.exitCode().get(10, TimeUnit.SECONDS)).isZero();
    assertThat(pods.kills).extracting(FakePods.Kill::taskId).containsExactlyInAnyOrder("team_web.1", "team_web.2");
    assertThat(pods.kills).extracting(FakePods.Kill::grace).containsOnly(Duration.ofSeconds(1));
    assertThat(updates()).filteredOn(u -> u.getState() == TaskState.TASK_KILLED).hasSize(2);
    assertThat(pods.closed).isTrue();
  }

  @Test
  void speaksProtobufToo() throws Exception {
    start(Encoding.PROTOBUF, true, Duration.ofMinutes(5));

    launch("team_web.1");

    assertThat(awaitUpdates(2)).extracting(TaskStatus::getState)
        .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
    assertThat(agent.rawBodies).isEmpty();
  }

  @Test
  void withoutCheckpointingALostAgentStopsTheExecutor() throws Exception {
    start(Encoding.JSON, false, Duration.ofMinutes(5));
    launch("team_web.1");
    awaitUpdates(2);

    agent.dropStream();

    assertThat(executor.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(agent.subscribes).hasSize(1);
  }
}
