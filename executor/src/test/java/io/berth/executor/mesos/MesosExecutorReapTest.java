package io.berth.executor.mesos;

import static io.berth.executor.mesos.TaskPayloadReaderTest.aPayload;
import static io.berth.executor.mesos.TaskPayloadReaderTest.carrying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When the executor looks for orphaned pods, against the fake agent with fake pods. */
@Timeout(30)
class MesosExecutorReapTest {

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

  private void start(String subscribedAgentId, Map<String, String> extraEnv) throws Exception {
    agent = new FakeAgent(Encoding.JSON).withAgentId(subscribedAgentId).acknowledgingEverything();
    Map<String, String> vars = ExecutorEnvironmentTest.anAgentEnvironment();
    vars.put("MESOS_AGENT_ENDPOINT", agent.endpoint());
    vars.putAll(extraEnv);
    executor = new MesosExecutor(ExecutorEnvironment.from(vars), pods::attach, Clock.systemUTC(),
        Duration.ofMinutes(5)).start();
    await().until(() -> agent.subscribes.size() == 1);
  }

  private boolean reported(String taskId, TaskState state) {
    return agent.updates.stream().map(c -> c.getUpdate().getStatus())
        .anyMatch(s -> s.getTaskId().getValue().equals(taskId) && s.getState() == state);
  }

  @Test
  void aLaunchWaitsUntilTheOrphansOfTheSubscribedAgentAreReaped() throws Exception {
    CountDownLatch reaping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    pods.onReap = () -> {
      reaping.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    start("S1", Map.of());
    assertThat(reaping.await(10, TimeUnit.SECONDS)).isTrue();

    agent.launch(carrying("team_web.1", aPayload("team_web.1")));
    agent.kill("marker", null);
    await().until(() -> reported("marker", TaskState.TASK_KILLED));
    assertThat(pods.launched).as("the LAUNCH was handled, the pod waits").isEmpty();

    release.countDown();

    await().until(() -> reported("team_web.1", TaskState.TASK_RUNNING));
    assertThat(pods.reaps).first().isEqualTo("S1");
    assertThat(pods.launched).singleElement().satisfies(p -> assertThat(p.agentId()).isEqualTo("S1"));
  }

  @Test
  void aReapThatFailsStopsNothing() throws Exception {
    pods.onReap = () -> {
      throw new IllegalStateException("Cannot connect to the Docker daemon");
    };
    start("S1", Map.of("BERTH_EXECUTOR_REAP_INTERVAL", "20ms"));

    agent.launch(carrying("team_web.1", aPayload("team_web.1")));

    await().until(() -> reported("team_web.1", TaskState.TASK_RUNNING));
    await().until(() -> pods.reaps.size() >= 3);
  }

  @Test
  void reapsAgainEveryInterval() throws Exception {
    start("S1", Map.of("BERTH_EXECUTOR_REAP_INTERVAL", "20ms"));

    await().until(() -> pods.reaps.size() >= 3);
    assertThat(pods.reaps).containsOnly("S1");
  }

  @Test
  void withoutAnAgentIdInSubscribedTheEnvironmentsIsUsed() throws Exception {
    start(null, Map.of("MESOS_SLAVE_ID", "S7"));

    await().until(() -> !pods.reaps.isEmpty());
    assertThat(pods.reaps).first().isEqualTo("S7");
  }

  @Test
  void withNoAgentIdAtAllNothingIsReapedAndTasksStillRun() throws Exception {
    start(null, Map.of("BERTH_EXECUTOR_REAP_INTERVAL", "20ms"));

    agent.launch(carrying("team_web.1", aPayload("team_web.1")));

    await().until(() -> reported("team_web.1", TaskState.TASK_RUNNING));
    assertThat(pods.reaps).isEmpty();
    assertThat(pods.launched).singleElement().extracting(p -> p.agentId()).isEqualTo("agent-1");
  }
}
