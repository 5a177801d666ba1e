package io.berth.executor.pod;

import static io.berth.executor.support.ItPods.containersOf;
import static io.berth.executor.support.ItPods.httpdApp;
import static io.berth.executor.support.ItPods.newTaskId;
import static io.berth.executor.support.ItPods.payload;
import static io.berth.executor.support.ItPods.standInHelpers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.support.BusyboxImage;
import io.berth.executor.support.ItPods;
import io.berth.executor.support.RecordingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PodRunnerIT {

  private static DockerContainerRuntime runtime;
  private final RecordingListener listener = new RecordingListener();
  private PodRunner runner;

  @BeforeAll
  static void engine() {
    BusyboxImage.ensure();
    runtime = DockerContainerRuntime.fromEnvironment();
  }

  @BeforeEach
  void runner() {
    runner = new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  @AfterEach
  void cleanUp() {
    runner.close();
    ItPods.removeAll(runtime);
  }

  @AfterAll
  static void closeEngine() throws Exception {
    ItPods.removeAll(runtime);
    runtime.close();
  }

  @Test
  void aPodIsThreeLabelledContainersServingOnItsHostPortAndKillRemovesThemAll() throws Exception {
    String taskId = newTaskId("web");
    TaskPayload task = payload(taskId, httpdApp("web").build(), standInHelpers());

    RunningPod pod = runner.launch(task).orElseThrow(() -> new AssertionError(listener.of(taskId)));

    assertThat(listener.of(taskId)).extracting(RecordingListener.Update::status)
        .containsExactly(PodStatus.STARTING, PodStatus.RUNNING);
    List<ContainerInfo> containers = containersOf(runtime, taskId);
    assertThat(containers).hasSize(3).allSatisfy(c -> {
      assertThat(c.running()).isTrue();
      assertThat(c.name()).startsWith("berth-").doesNotStartWith("mesos-");
      assertThat(c.labels()).containsEntry(PodLabels.APP_ID, "/berth-it/web")
          .containsEntry(PodLabels.TASK_ID, taskId)
          .containsEntry(PodLabels.APP_VERSION, "2026-11-26T12:00:00.000Z")
          .containsKey(PodLabels.ROLE);
    });
    assertThat(containers).extracting(c -> c.labels().get(PodLabels.ROLE))
        .containsExactlyInAnyOrder("fluentd", "app", "sensu");
    assertThat(pod.containerIds()).hasSize(3);

    int hostPort = task.hostPorts().get(0);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(hostPort)).isEqualTo("hello\n"));

    runner.kill(taskId);
    assertThat(containersOf(runtime, taskId)).isEmpty();
    assertThat(listener.last(taskId).orElseThrow().status()).isEqualTo(PodStatus.KILLED);
  }

  @Test
  void aPullFailureReachesTheListenerInTheDaemonsWordsAndLeavesNothing() {
    String taskId = newTaskId("nopull");
    Docker missing = new Docker("localhost:1/berth-it/missing:1", "BRIDGE", null, null, null, null);
    App app = httpdApp("nopull").container(new Container("DOCKER", missing, null, null)).build();

    assertThat(runner.launch(payload(taskId, app, standInHelpers()))).isEmpty();

    RecordingListener.Update failed = listener.last(taskId).orElseThrow();
    assertThat(failed.status()).isEqualTo(PodStatus.FAILED);
    assertThat(failed.message()).contains("localhost:1").contains("connection refused");
    assertThat(containersOf(runtime, taskId)).isEmpty();
  }

  @Test
  void anAppExitIsReportedAfterTheWholePodIsRemoved() {
    String taskId = newTaskId("exit");
    App app = httpdApp("exit").cmd("sleep 1; exit 3").build();

    runner.launch(payload(taskId, app, standInHelpers())).orElseThrow();

    await().atMost(Duration.ofSeconds(30)).until(() -> listener.saw(taskId, PodStatus.FAILED));
    assertThat(listener.last(taskId).orElseThrow().message()).contains("exited with code 3");
    assertThat(containersOf(runtime, taskId)).isEmpty();
  }

  @Test
  void adoptionAfterARestartTakesTheSameContainersStartingAndStoppingNothing() {
    String taskId = newTaskId("adopt");
    TaskPayload task = payload(taskId, httpdApp("adopt").build(), HelperSettings.off());
    RunningPod launched = runner.launch(task).orElseThrow();
    Map<String, String> before = startedAndState(taskId);
    runner.close();

    runner = new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(30));
    assertThat(runner.listPods()).anySatisfy(p -> assertThat(p.taskId()).isEqualTo(taskId));
    RunningPod adopted = runner.adopt(task).orElseThrow();

    assertThat(adopted.containerIds()).isEqualTo(launched.containerIds());
    assertThat(startedAndState(taskId)).isEqualTo(before);
    runner.kill(taskId);
    assertThat(containersOf(runtime, taskId)).isEmpty();
  }

  @Test
  void aPodThatDiedWhileNobodyWatchedIsNotAdoptedAndCanBeRemoved() {
    String taskId = newTaskId("dead");
    TaskPayload task = payload(taskId, httpdApp("dead").cmd("sleep 2; exit 4").build(), standInHelpers());
    runner.launch(task);
    runner.close();
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.findPod(taskId).map(p -> !p.appRunning()).orElse(false));

    runner = new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(30));
    assertThat(runner.adopt(task)).isEmpty();
    runner.remove(taskId, Duration.ofSeconds(1));
    assertThat(containersOf(runtime, taskId)).isEmpty();
  }

  private static Map<String, String> startedAndState(String taskId) {
    return containersOf(runtime, taskId).stream().collect(java.util.stream.Collectors.toMap(ContainerInfo::id,
        c -> {
          ContainerInfo i = runtime.inspect(c.id()).orElseThrow();
          return i.state() + " since " + i.startedAt();
        }));
  }

  private static String get(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
