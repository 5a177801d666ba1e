package io.berth.executor.mesos;

import static io.berth.executor.mesos.TaskPayloadReaderTest.carrying;
import static io.berth.executor.support.ItPods.containersOf;
import static io.berth.executor.support.ItPods.httpdApp;
import static io.berth.executor.support.ItPods.newTaskId;
import static io.berth.executor.support.ItPods.standInHelpers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.pod.PodRunner;
import io.berth.executor.support.BusyboxImage;
import io.berth.executor.support.ItPods;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The executor against the fake agent, running real pods on the Docker engine. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MesosExecutorIT {

  private static DockerContainerRuntime runtime;
  private FakeAgent agent;
  private MesosExecutor executor;

  @BeforeAll
  static void engine() {
    BusyboxImage.ensure();
    runtime = DockerContainerRuntime.fromEnvironment();
  }

  @BeforeEach
  void start() throws Exception {
    agent = new FakeAgent(Encoding.JSON).acknowledgingEverything();
    Map<String, String> vars = ExecutorEnvironmentTest.anAgentEnvironment();
    vars.put("MESOS_AGENT_ENDPOINT", agent.endpoint());
    vars.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "20secs");
    executor = new MesosExecutor(ExecutorEnvironment.from(vars),
        listener -> new PodRunnerPods(new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(200),
            Duration.ofSeconds(30)), null),
        Clock.systemUTC(), MesosExecutor.DEFAULT_UPDATE_RETRY).start();
    await().until(() -> agent.subscribes.size() == 1);
  }

  @AfterEach
  void stop() {
    executor.close();
    agent.close();
    ItPods.removeAll(runtime);
  }

  private TaskPayload launch(String name) {
    String taskId = newTaskId(name);
    TaskPayload payload = ItPods.payload(taskId, httpdApp(name).build(), standInHelpers());
    agent.launch(carrying(taskId, payload));
    return payload;
  }

  private List<TaskState> statesOf(String taskId) {
    return agent.updates.stream().map(c -> c.getUpdate().getStatus())
        .filter(s -> s.getTaskId().getValue().equals(taskId)).map(TaskStatus::getState).toList();
  }

  private static String get(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString()).body().trim();
  }

  @Test
  void aLaunchedPodServesAndAKillRemovesEveryContainer() throws Exception {
    TaskPayload web = launch("mesos-web");

    await().atMost(90, TimeUnit.SECONDS).until(() -> statesOf(web.taskId()).contains(TaskState.TASK_RUNNING));
    assertThat(statesOf(web.taskId())).containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
    assertThat(containersOf(runtime, web.taskId())).hasSize(3);
    assertThat(get(web.hostPorts().get(0))).isEqualTo("hello");

    agent.kill(web.taskId(), ExecutorStateTest.grace(Duration.ofSeconds(1)));

    await().atMost(60, TimeUnit.SECONDS).until(() -> statesOf(web.taskId()).contains(TaskState.TASK_KILLED));
    assertThat(containersOf(runtime, web.taskId())).isEmpty();
  }

  @Test
  void shutdownTakesEveryPodDownAndEndsTheExecutor() throws Exception {
    TaskPayload one = launch("mesos-one");
    TaskPayload two = launch("mesos-two");
    await().atMost(90, TimeUnit.SECONDS).until(() -> statesOf(one.taskId()).contains(TaskState.TASK_RUNNING)
        && statesOf(two.taskId()).contains(TaskState.TASK_RUNNING));

    agent.shutdown();

    assertThat(executor.exitCode().get(60, TimeUnit.SECONDS)).isZero();
    assertThat(statesOf(one.taskId())).endsWith(TaskState.TASK_KILLED);
    assertThat(statesOf(two.taskId())).endsWith(TaskState.TASK_KILLED);
    assertThat(containersOf(runtime, one.taskId())).isEmpty();
    assertThat(containersOf(runtime, two.taskId())).isEmpty();
  }
}
