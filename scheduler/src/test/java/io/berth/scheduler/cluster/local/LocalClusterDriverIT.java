package io.berth.scheduler.cluster.local;

import io.berth.scheduler.testing.TestImages;

import static io.berth.scheduler.cluster.local.ItScope.httpd;
import static io.berth.scheduler.cluster.local.ItScope.newTaskId;
import static io.berth.scheduler.cluster.local.ItScope.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.pod.PodLabels;
import io.berth.executor.pod.PodRunner;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The local cluster driver on the real Docker engine, with busybox pods and a fluentd stand-in. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LocalClusterDriverIT {

  private static DockerContainerRuntime docker;
  private static ItScope engine;
  private final RecordingEvents events = new RecordingEvents();
  private LocalClusterConfig config;
  private LocalClusterDriver driver;

  @BeforeAll
  static void engine() {
    TestImages.ensureBusybox();
    docker = DockerContainerRuntime.fromEnvironment();
    engine = new ItScope(docker);
    engine.removeAll();
  }

  @AfterAll
  static void closeEngine() throws IOException {
    docker.close();
  }

  @BeforeEach
  void machine() {
    int base = freePortBlock(10);
    config = LocalClusterConfig.of(2, 2048, 10240, base, base + 9, "localhost")
        .withOfferInterval(Duration.ofMillis(50)).withAdoptionTimeout(Duration.ofSeconds(20));
  }

  @AfterEach
  void cleanUp() {
    if (driver != null) {
      driver.stop();
    }
    engine.removeAll();
  }

  @Test
  void aLaunchedPodServesOnItsHostPortAndAKillLeavesNothing() throws Exception {
    startDriver();
    events.awaitConnected();
    Offer offer = events.awaitOffer(1);
    int appPort = config.portsBegin();
    String taskId = newTaskId("web");
    driver.launch(offer.id(), Launches.one(payload(taskId, httpd("web", null), appPort, appPort + 1, offer.hostname())));

    events.awaitState(taskId, InstanceState.RUNNING);
    assertThat(events.statesOf(taskId))
        .containsExactly(InstanceState.STAGING, InstanceState.STARTING, InstanceState.RUNNING);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(appPort)).isEqualTo("hello\n"));
    assertThat(engine.containersOf(taskId)).extracting(c -> c.labels().get(PodLabels.ROLE))
        .containsExactlyInAnyOrder("fluentd", "app");
    Offer remainder = awaitOfferAfter(offer);
    assertThat(remainder.resources().get(0).ports()).containsExactly(PortRange.of(appPort + 2, appPort + 9));

    driver.kill(taskId, config.agentId(), Duration.ofSeconds(1));
    assertThat(events.awaitState(taskId, InstanceState.KILLED).message()).isEqualTo("killed on request");
    assertThat(engine.containersOf(taskId)).isEmpty();
  }

  @Test
  void aPodRunningBeforeStartIsReportedAtConnectionAndAdopted() throws Exception {
    int appPort = config.portsBegin();
    String taskId = newTaskId("adopt");
    TaskPayload task = payload(taskId, httpd("adopt", null), appPort, appPort + 1, "localhost");
    launchWithAnEarlierScheduler(task);
    String appContainer = appContainerOf(taskId).id();

    startDriver();
    assertThat(events.awaitConnected())
        .contains(new ObservedTask(taskId, config.agentId(), InstanceState.RUNNING, null, PodScan.FOUND_RUNNING));
    driver.adopt(task);
    Offer offer = events.awaitOffer(1);
    assertThat(offer.resources().get(0).ports()).containsExactly(PortRange.of(appPort + 2, appPort + 9));
    assertThat(appContainerOf(taskId).id()).isEqualTo(appContainer);
    assertThat(get(appPort)).isEqualTo("hello\n");

    driver.kill(taskId, config.agentId(), Duration.ofSeconds(1));
    events.awaitState(taskId, InstanceState.KILLED);
    assertThat(engine.containersOf(taskId)).isEmpty();
  }

  @Test
  void aPodThatExitedWhileNoSchedulerRanIsReportedFailedAndRemoved() {
    int appPort = config.portsBegin();
    String taskId = newTaskId("exited");
    launchWithAnEarlierScheduler(payload(taskId, httpd("exited", "sleep 1; exit 3"), appPort, appPort + 1, "localhost"));
    await().atMost(Duration.ofSeconds(30)).until(() -> docker.inspect(appContainerOf(taskId).id())
        .map(ContainerInfo::exited).orElse(false));

    startDriver();
    assertThat(events.awaitConnected()).contains(
        new ObservedTask(taskId, config.agentId(), InstanceState.FAILED, null, "the app exited with code 3"));
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.containersOf(taskId).isEmpty());
    events.awaitOffer(1);
  }

  private void startDriver() {
    driver = new LocalClusterDriver(config, engine,
        (runtime, listener) -> new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(200),
            Duration.ofSeconds(30)));
    driver.start(events);
  }

  /** Runs the pod with a runner of its own, then stops watching it, as a scheduler that went away. */
  private static void launchWithAnEarlierScheduler(TaskPayload task) {
    PodRunner earlier = PodRunner.create(engine, (taskId, status, message, healthy) -> { });
    try {
      assertThat(earlier.launch(task)).isPresent();
    } finally {
      earlier.close();
    }
  }

  private static ContainerInfo appContainerOf(String taskId) {
    return engine.containersOf(taskId).stream().filter(c -> "app".equals(c.labels().get(PodLabels.ROLE)))
        .findFirst().orElseThrow();
  }

  private Offer awaitOfferAfter(Offer before) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.lastOffer().id().equals(before.id()));
    return events.lastOffer();
  }

  private static String get(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** {@code count} consecutive ports nobody listens on, away from the default range 31000-32000. */
  private static int freePortBlock(int count) {
    while (true) {
      int base = ThreadLocalRandom.current().nextInt(40000, 49000);
      if (java.util.stream.IntStream.range(base, base + count).allMatch(LocalClusterDriverIT::free)) {
        return base;
      }
    }
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
