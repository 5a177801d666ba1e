package io.berth.executor.pod;

import static io.berth.executor.support.ItPods.httpdApp;
import static io.berth.executor.support.ItPods.newTaskId;
import static io.berth.executor.support.ItPods.payload;
import static io.berth.executor.support.ItPods.standInHelpers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.docker.ExecResult;
import io.berth.executor.support.BusyboxImage;
import io.berth.executor.support.ForwardMessages;
import io.berth.executor.support.ItPods;
import io.berth.executor.support.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's stdout travels through Docker's fluentd driver to the pod's fluentd helper. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PodLoggingIT {

  private DockerContainerRuntime runtime;
  private PodRunner runner;

  @BeforeEach
  void engine() {
    BusyboxImage.ensure();
    runtime = DockerContainerRuntime.fromEnvironment();
    runner = new PodRunner(runtime, new RecordingListener(), Clock.systemUTC(), Duration.ofMillis(200),
        Duration.ofSeconds(30));
  }

  @AfterEach
  void cleanUp() throws Exception {
    runner.close();
    ItPods.removeAll(runtime);
    runtime.close();
  }

  @Test
  void anAppsStdoutLineArrivesAtItsFluentdHelperAsAForwardMessageWithItsTag() {
    String taskId = newTaskId("logs");
    String marker = "line-" + taskId.hashCode();
    TaskPayload task = payload(taskId, httpdApp("logs")
        .cmd("while true; do echo " + marker + "; sleep 1; done").build(), standInHelpers());
    RunningPod pod = runner.launch(task).orElseThrow();
    String helper = pod.containerIds().get(Role.FLUENTD);
    String tag = HelperContainers.fluentdTag(task.app().id(), task.app().version(), taskId);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      List<ForwardMessages.Event> events = received(helper);
      assertThat(events).anySatisfy(e -> {
        assertThat(e.record()).containsEntry("log", marker).containsEntry("source", "stdout")
            .containsEntry(PodLabels.TASK_ID, taskId).containsEntry(PodLabels.APP_ID, "/berth-it/logs");
        assertThat(e.tag()).isEqualTo(tag);
      });
    });
    assertThat(tag).startsWith("berth.berth-it.logs.");
  }

  private List<ForwardMessages.Event> received(String helperContainer) {
    ExecResult r = runtime.exec(helperContainer, List.of("sh", "-c", "base64 /tmp/forward.bin 2>/dev/null"),
        Duration.ofSeconds(10));
    return ForwardMessages.decode(Base64.getMimeDecoder().decode(r.output().strip()));
  }
}
