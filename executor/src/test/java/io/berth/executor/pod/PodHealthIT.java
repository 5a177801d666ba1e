package io.berth.executor.pod;

import static io.berth.executor.support.ItPods.httpdApp;
import static io.berth.executor.support.ItPods.newTaskId;
import static io.berth.executor.support.ItPods.payload;
import static io.berth.executor.support.ItPods.standInHelpers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.model.Command;
import io.berth.api.model.HealthCheck;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.support.BusyboxImage;
import io.berth.executor.support.ItPods;
import io.berth.executor.support.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Health checks run next to the pod, reach the Sensu helper, and kill a task that fails them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PodHealthIT {

  private final RecordingListener listener = new RecordingListener();
  private DockerContainerRuntime runtime;
  private PodRunner runner;

  @BeforeEach
  void engine() {
    BusyboxImage.ensure();
    runtime = DockerContainerRuntime.fromEnvironment();
    runner = new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  @AfterEach
  void cleanUp() throws Exception {
    runner.close();
    ItPods.removeAll(runtime);
    runtime.close();
  }

  @Test
  void resultsReachTheSensuAgentApiAndAFailingCheckKillsTheWholePod() {
    String taskId = newTaskId("health");
    HealthCheck http = new HealthCheck("HTTP", "/index.html", 0, null, null, 30, 1, 1, 3, null, null, null);
    HealthCheck command = new HealthCheck("COMMAND", null, null, null, new Command("test -f /www/index.html"),
        30, 1, 2, 0, null, null, null);
    RunningPod pod = runner.launch(payload(taskId, httpdApp("health").healthChecks(List.of(http, command)).build(),
        standInHelpers())).orElseThrow();

    await().atMost(Duration.ofSeconds(30)).until(() -> listener.of(taskId).stream()
        .anyMatch(u -> u.status() == PodStatus.RUNNING && Boolean.TRUE.equals(u.healthy())));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sensuEvents(pod))
        .contains("\"name\":\"berth-health-0-http\"").contains("\"name\":\"berth-health-1-command\"")
        .contains("\"status\":0").contains("\"task_id\":\"" + taskId + "\""));

    runtime.exec(pod.appContainerId(), List.of("rm", "/www/index.html"), Duration.ofSeconds(10));

    await().atMost(Duration.ofSeconds(30)).until(() -> listener.saw(taskId, PodStatus.KILLED));
    RecordingListener.Update killed = listener.last(taskId).orElseThrow();
    assertThat(killed.message()).contains("consecutive failures of health check 0 (HTTP)").contains("404");
    assertThat(killed.healthy()).isFalse();
    assertThat(listener.of(taskId)).anyMatch(u -> u.status() == PodStatus.RUNNING && Boolean.FALSE.equals(u.healthy()));
    assertThat(ItPods.containersOf(runtime, taskId)).isEmpty();
  }

  private String sensuEvents(RunningPod pod) {
    return runtime.exec(pod.containerIds().get(Role.SENSU), List.of("sh", "-c", "cat /tmp/events.log 2>/dev/null"),
        Duration.ofSeconds(10)).output();
  }
}
