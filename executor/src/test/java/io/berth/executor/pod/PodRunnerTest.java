package io.berth.executor.pod;

import static io.berth.executor.pod.TaskPayloads.aBridgeApp;
import static io.berth.executor.pod.TaskPayloads.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.Parameter;
import io.berth.api.model.PortMapping;
import io.berth.executor.support.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodRunnerTest {

  private static final String TASK = "team_web.0b1c";
  private final FakeContainerRuntime engine = new FakeContainerRuntime();
  private final RecordingListener listener = new RecordingListener();
  private final PodRunner runner = new PodRunner(engine, listener, Clock.systemUTC(), Duration.ofMillis(20),
      Duration.ofSeconds(1));

  @AfterEach
  void close() {
    runner.close();
  }

  private void launch() {
    runner.launch(aTask(aBridgeApp("nginx:1", 80).taskKillGracePeriodSeconds(7).build(), List.of(31001)));
  }

  @Test
  void startsHelpersAroundTheAppAndReportsRunning() {
    launch();
    assertThat(engine.calls).containsExactly("create fluentd", "start fluentd", "create app", "start app",
        "create sensu", "start sensu");
    assertThat(listener.of(TASK)).extracting(RecordingListener.Update::status)
        .containsExactly(PodStatus.STARTING, PodStatus.RUNNING);
  }

  @Test
  void killStopsInReverseOrderWithTheGracePeriodThenRemovesEverything() {
    launch();
    engine.calls.clear();
    runner.kill(TASK);
    assertThat(engine.calls).containsExactly("stop sensu 7s", "stop app 7s", "stop fluentd 7s",
        "remove sensu", "remove app", "remove fluentd");
    assertThat(listener.last(TASK).orElseThrow().status()).isEqualTo(PodStatus.KILLED);
  }

  @Test
  void aContainerThatCannotStartTearsDownWhatWasCreatedAndFailsWithTheDaemonsReason() {
    engine.failStartOf = Role.APP;
    launch();
    assertThat(engine.count()).isZero();
    RecordingListener.Update failed = listener.last(TASK).orElseThrow();
    assertThat(failed.status()).isEqualTo(PodStatus.FAILED);
    assertThat(failed.message()).isEqualTo("driver failed programming external connectivity");
  }

  @Test
  void aFailedPullCreatesNothing() {
    engine.failPullOf = "nginx:1";
    launch();
    assertThat(engine.calls).isEmpty();
    assertThat(listener.last(TASK).orElseThrow().message()).isEqualTo("pull access denied for nginx:1");
  }

  @Test
  void aFluentdHelperThatNeverListensFailsTheTask() {
    engine.helperReady = false;
    launch();
    assertThat(engine.count()).isZero();
    assertThat(listener.last(TASK).orElseThrow().message()).contains("fluentd helper did not accept connections");
  }

  @Test
  void aBadDockerParameterFailsTheTaskWithItsReason() {
    Docker docker = new Docker("nginx:1", "BRIDGE", null, List.of(new Parameter("volume-driver", "x")), null, null);
    runner.launch(aTask(aBridgeApp("nginx:1", 80).container(new Container("DOCKER", docker, null,
        List.of(PortMapping.of(80)))).build(), List.of(31001)));
    assertThat(engine.calls).isEmpty();
    assertThat(listener.last(TASK).orElseThrow().message()).contains("unsupported docker parameter 'volume-driver'");
  }

  @Test
  void anAppExitRemovesThePodThenReportsHowItEnded() {
    launch();
    engine.exit(Role.APP, 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> listener.saw(TASK, PodStatus.FINISHED));
    assertThat(engine.count()).isZero();
    assertThat(listener.last(TASK).orElseThrow().message()).isEqualTo("the app exited with code 0");
  }

  @Test
  void concurrentKillsTakeThePodDownOnceAndEveryKillEndsInKilled() throws Exception {
    launch();
    Thread other = new Thread(() -> runner.kill(TASK));
    other.start();
    runner.kill(TASK);
    other.join();
    runner.kill(TASK);
    assertThat(listener.of(TASK)).filteredOn(u -> u.status().terminal())
        .isNotEmpty().allMatch(u -> u.status() == PodStatus.KILLED);
    assertThat(engine.calls.stream().filter(c -> c.equals("remove app")).count()).isEqualTo(1);
  }

  @Test
  void aRunningTaskIdCannotBeLaunchedTwice() {
    launch();
    assertThatThrownBy(this::launch).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPlainRunnerLikeTheLocalClusterLabelsNoOwner() {
    launch();
    assertThat(engine.list(Map.of())).isNotEmpty().allSatisfy(c -> assertThat(c.labels())
        .doesNotContainKeys(PodLabels.EXECUTOR_OWNER, PodLabels.FRAMEWORK_ID, PodLabels.EXECUTOR_ID));
  }

  @Test
  void aRunnersOwnLabelsGoOnEveryContainerBesideThePodsLabels() {
    FakeContainerRuntime mesosEngine = new FakeContainerRuntime();
    try (PodRunner mesos = new PodRunner(mesosEngine, listener, Clock.systemUTC(), Duration.ofMillis(20),
        Duration.ofSeconds(1), Map.of(PodLabels.EXECUTOR_OWNER, "boot/1/42/7", PodLabels.EXECUTOR_ID, "e1"))) {
      mesos.launch(aTask(aBridgeApp("nginx:1", 80).build(), List.of(31001)));
    }
    assertThat(mesosEngine.list(Map.of())).hasSize(3).allSatisfy(c -> assertThat(c.labels())
        .containsEntry(PodLabels.EXECUTOR_OWNER, "boot/1/42/7").containsEntry(PodLabels.EXECUTOR_ID, "e1")
        .containsEntry(PodLabels.TASK_ID, TASK).containsEntry(PodLabels.AGENT_ID, "agent-1"));
  }

  @Test
  void aRunnerMayNotReplaceAPodsOwnLabels() {
    assertThatThrownBy(() -> new PodRunner(engine, listener, Clock.systemUTC(),
        Duration.ofMillis(20), Duration.ofSeconds(1), Map.of(PodLabels.AGENT_ID, "elsewhere")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PodLabels.AGENT_ID);
  }
}
