package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.scheduler.testing.mesos.CallRecord;
import io.berth.scheduler.testing.mesos.MesosCluster;
import io.berth.scheduler.testing.mesos.TaskView;
import io.dropwizard.testing.ConfigOverride;
import java.util.concurrent.CompletableFuture;
import org.apache.curator.test.TestingServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth as a Mesos framework, end to end: an emulated master with three agents that start the real
 * berth-executor.jar (fetched from Berth over HTTP), which runs each task's pod on the real Docker
 * engine. Each test scripts one fault and checks what Mesos and Docker end up with.
 */
@Timeout(420)
class MesosClusterIT {

  private static final String APP = "/e2e/mesos";

  @TempDir
  Path work;

  private MesosCluster mesos;
  private LocalCluster berth;

  @AfterEach
  void cleanUp() {
    if (berth != null) {
      berth.stop();
    }
    if (mesos != null) {
      mesos.close();
    }
    TestDocker.removeAll(APP);
  }

  private void start(int masters, ConfigOverride... extra) throws Exception {
    start(masters, Duration.ZERO, extra);
  }

  private void start(int masters, Duration reregisterDelay, ConfigOverride... extra) throws Exception {
    TestDocker.ensureImage();
    mesos = MesosTestCluster.start(masters, 3, work.resolve("mesos"), reregisterDelay);
    ConfigOverride[] settings = MesosTestCluster.schedulerSettings(mesos);
    for (ConfigOverride o : extra) {
      settings = with(settings, o);
    }
    berth = new LocalCluster(work.resolve("berth"), MesosTestCluster.freePort(), settings);
    berth.start();
  }

  /** An httpd app of {@code n} instances, one per agent, with the fluentd and Sensu stand-ins. */
  private List<JsonNode> runUniqueApp(int n, String extra) {
    berth.post("/v2/apps", LocalClusterIT.httpApp(APP, n,
        ",\"constraints\":[[\"hostname\",\"UNIQUE\"]]" + extra));
    return berth.tasksWhen(APP, LocalCluster.running(n));
  }

  private static Set<String> ids(List<JsonNode> tasks) {
    return tasks.stream().map(t -> t.path("id").asText()).collect(Collectors.toSet());
  }

  private long accepts() {
    return mesos.calls().stream().filter(c -> "ACCEPT".equals(c.type())).count();
  }

  private List<TaskView> active() {
    return MesosTestCluster.tasksOf(mesos, APP).stream()
        .filter(t -> Set.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING").contains(t.state())).toList();
  }

  @Test
  void threeInstancesWithUniqueHostnamesRunAsThreePodsOnThreeAgents() throws Exception {
    start(1);

    List<JsonNode> tasks = runUniqueApp(3, "");

    assertThat(tasks.stream().map(t -> t.path("host").asText()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("agent-0", "agent-1", "agent-2");
    assertThat(active()).extracting(TaskView::agentId).doesNotHaveDuplicates().hasSize(3);
    for (JsonNode task : tasks) {
      assertThat(LocalCluster.servedBy(task)).isEqualTo("ok\n");
    }
    List<TestDocker.Container> containers = TestDocker.containersOf(APP);
    assertThat(containers).hasSize(9).allMatch(c -> c.state().equals("running"));
    assertThat(containers.stream().map(TestDocker.Container::taskId).collect(Collectors.toSet()))
        .isEqualTo(ids(tasks));
    assertThat(mesos.executorProcesses()).hasSize(3);
    assertThat(berth.get("/v2/info").path("frameworkId").asText()).isEqualTo(mesos.frameworkIds().get(0));
    assertThat(berth.adminGet("/healthcheck").path("mesos").path("healthy").asBoolean()).isTrue();
  }

  @Test
  void aDroppedStreamIsResubscribedWithTheSameFrameworkIdAndNothingIsLaunchedAgain() throws Exception {
    start(1);
    Set<String> before = ids(runUniqueApp(2, ""));
    long acceptsBefore = accepts();
    String framework = mesos.frameworkIds().get(0);
    int subscriptions = mesos.subscriptions();

    mesos.dropStream();

    await().atMost(Duration.ofSeconds(60)).until(() -> mesos.subscriptions() > subscriptions);
    assertThat(mesos.frameworkIds()).containsExactly(framework);
    assertResubscribedAndReconciled(framework, 0);
    assertThat(ids(berth.tasksWhen(APP, LocalCluster.running(2)))).isEqualTo(before);
    assertThat(accepts()).isEqualTo(acceptsBefore);
    assertThat(active()).extracting(TaskView::taskId).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void silentHeartbeatsMakeTheSchedulerResubscribeAndNothingIsLaunchedAgain() throws Exception {
    start(1);
    Set<String> before = ids(runUniqueApp(2, ""));
    long acceptsBefore = accepts();
    String framework = mesos.frameworkIds().get(0);
    int subscriptions = mesos.subscriptions();

    mesos.stopHeartbeats(); // the stream stays open, but says nothing (1 s interval, 5 missed)

    await().atMost(Duration.ofSeconds(60)).until(() -> mesos.subscriptions() > subscriptions);
    mesos.resumeHeartbeats();
    assertResubscribedAndReconciled(framework, 0);
    assertThat(ids(berth.tasksWhen(APP, LocalCluster.running(2)))).isEqualTo(before);
    assertThat(accepts()).isEqualTo(acceptsBefore);
  }

  @Test
  void theJsonEncodingRunsAppsToo() throws Exception {
    start(1, ConfigOverride.config("mesos.encoding", "json"));

    List<JsonNode> tasks = runUniqueApp(1, ",\"labels\":{\"berth.helpers\":\"off\"}");

    assertThat(LocalCluster.servedBy(tasks.get(0))).isEqualTo("ok\n");
    assertThat(mesos.calls()).isNotEmpty().allSatisfy(c -> assertThat(c.contentType()).isEqualTo("application/json"));
    berth.delete("/v2/apps" + APP);
    await().atMost(Duration.ofSeconds(60)).until(() -> TestDocker.containersOf(APP).isEmpty());
  }

  @Test
  void aMasterFailoverIsFollowedThroughTheRedirectAndNothingIsLaunchedAgain() throws Exception {
    // The agents re-register with the new master 12 s after the failover, well after Berth's
    // 5 s reconciliation wait: the tasks Mesos cannot answer for yet are kept, not replaced.
    start(2, Duration.ofSeconds(12));
    Set<String> before = ids(runUniqueApp(2, ""));
    long acceptsBefore = accepts();
    String framework = mesos.frameworkIds().get(0);

    mesos.failover(1);

    await().atMost(Duration.ofSeconds(60)).until(() -> mesos.calls().stream()
        .anyMatch(c -> c.masterIndex() == 1 && "SUBSCRIBE".equals(c.type()) && c.httpStatus() == 200));
    assertThat(mesos.calls()).anyMatch(c -> c.masterIndex() == 0 && c.httpStatus() == 307);
    assertResubscribedAndReconciled(framework, 1);
    await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30))
        .until(() -> accepts() == acceptsBefore && ids(berth.tasksWhen(APP, LocalCluster.running(2))).equals(before));
    assertThat(active()).extracting(TaskView::taskId).containsExactlyInAnyOrderElementsOf(before);
  }

  private void assertResubscribedAndReconciled(String framework, int master) {
    await().atMost(Duration.ofSeconds(30)).until(() -> mesos.calls().stream()
        .filter(c -> c.masterIndex() == master && "RECONCILE".equals(c.type())).count() >= 2);
    assertThat(mesos.calls()).allSatisfy(c -> assertThat(c.contentType()).isEqualTo("application/x-protobuf"));
    List<CallRecord> subscribes = mesos.calls().stream()
        .filter(c -> "SUBSCRIBE".equals(c.type()) && c.httpStatus() == 200).toList();
    assertThat(subscribes).allSatisfy(c -> assertThat(c.streamIdHeader()).isNull());
    assertThat(subscribes.subList(1, subscribes.size()))
        .allSatisfy(c -> assertThat(c.frameworkId()).isEqualTo(framework));
  }

  @Test
  void aLostAgentsTaskIsReplacedElsewhereAndKilledWhenTheAgentComesBack() throws Exception {
    start(1);
    List<JsonNode> tasks = runUniqueApp(2,
        ",\"unreachableStrategy\":{\"inactiveAfterSeconds\":1,\"expungeAfterSeconds\":2}");
    JsonNode lost = tasks.get(0);
    String lostId = lost.path("id").asText();
    int agent = Integer.parseInt(lost.path("host").asText().substring("agent-".length()));

    mesos.loseAgent(agent);

    List<JsonNode> after = berth.tasksWhen(APP, running -> LocalCluster.running(2).test(running)
        && running.stream().noneMatch(t -> t.path("id").asText().equals(lostId)));
    assertThat(after).noneMatch(t -> t.path("host").asText().equals("agent-" + agent));
    assertThat(TestDocker.containersOf(APP)).anyMatch(c -> c.taskId().equals(lostId) && c.state().equals("running"));

    mesos.restoreAgent(agent);

    await().atMost(Duration.ofSeconds(60)).until(() -> TestDocker.containersOf(APP).stream()
        .noneMatch(c -> c.taskId().equals(lostId)));
    assertThat(MesosTestCluster.tasksOf(mesos, APP)).filteredOn(t -> t.taskId().equals(lostId))
        .singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("TASK_KILLED"));
    assertThat(ids(berth.tasksWhen(APP, LocalCluster.running(2)))).isEqualTo(ids(after));
  }

  @Test
  void aCrashedExecutorsTaskFailsAndIsRelaunchedAndItsPodIsReaped() throws Exception {
    start(1);
    List<JsonNode> tasks = runUniqueApp(1, "");
    String crashed = tasks.get(0).path("id").asText();

    mesos.crashExecutor(crashed);

    List<JsonNode> after = berth.tasksWhen(APP, running -> LocalCluster.running(1).test(running)
        && !running.get(0).path("id").asText().equals(crashed));
    assertThat(MesosTestCluster.tasksOf(mesos, APP)).filteredOn(t -> t.taskId().equals(crashed))
        .singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("TASK_FAILED"));
    JsonNode failure = berth.get("/v2/apps" + APP).path("app").path("lastTaskFailure");
    assertThat(failure.path("taskId").asText()).isEqualTo(crashed);
    assertThat(failure.path("state").asText()).isEqualTo("TASK_FAILED");
    assertThat(berth.get("/v2/apps" + APP).path("app").path("tasksRunning").asInt()).isEqualTo(1);
    // The crashed executor's containers have no owner any more: an executor on that agent reaps them.
    String crashedHost = tasks.get(0).path("host").asText();
    if (!after.get(0).path("host").asText().equals(crashedHost)) {
      berth.put("/v2/apps" + APP, LocalClusterIT.httpApp(APP, 3, ",\"constraints\":[[\"hostname\",\"UNIQUE\"]]"));
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> TestDocker.containersOf(APP).stream()
        .noneMatch(c -> c.taskId().equals(crashed)));
  }

  @Test
  void aStandbySchedulerTakesOverWithTheSameFrameworkIdWhenTheLeaderStops() throws Exception {
    TestDocker.ensureImage();
    try (TestingServer zk = new TestingServer(true)) {
      mesos = MesosTestCluster.start(1, 3, work.resolve("mesos"));
      ConfigOverride ensemble = ConfigOverride.config("zooKeeper.connect", zk.getConnectString());
      berth = new LocalCluster(work.resolve("berth-a"), MesosTestCluster.freePort(),
          with(MesosTestCluster.schedulerSettings(mesos), ensemble));
      berth.start();
      Set<String> before = ids(runUniqueApp(2, ""));
      long acceptsBefore = accepts();
      String framework = mesos.frameworkIds().get(0);
      int subscriptions = mesos.subscriptions();

      LocalCluster standby = new LocalCluster(work.resolve("berth-b"), MesosTestCluster.freePort(),
          with(MesosTestCluster.schedulerSettings(mesos), ensemble));
      CompletableFuture<Void> standbyStarted = CompletableFuture.runAsync(() -> {
        try {
          standby.start();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
            .until(() -> !standbyStarted.isDone() && mesos.subscriptions() == subscriptions);

        berth.stop();
        berth = standby;

        standbyStarted.get(120, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> mesos.subscriptions() > subscriptions);
        assertThat(mesos.frameworkIds()).containsExactly(framework);
        assertThat(ids(berth.tasksWhen(APP, LocalCluster.running(2)))).isEqualTo(before);
        assertThat(accepts()).isEqualTo(acceptsBefore);
      } finally {
        if (!standbyStarted.isDone()) {
          standbyStarted.cancel(true);
        }
      }
    }
  }

  private static ConfigOverride[] with(ConfigOverride[] settings, ConfigOverride extra) {
    ConfigOverride[] out = java.util.Arrays.copyOf(settings, settings.length + 1);
    out[settings.length] = extra;
    return out;
  }

  @Test
  void deletingTheAppKillsEveryTaskAndLeavesNoContainer() throws Exception {
    start(1);
    Set<String> before = ids(runUniqueApp(3, ""));

    berth.delete("/v2/apps" + APP);

    await().atMost(Duration.ofSeconds(90)).until(() -> TestDocker.containersOf(APP).isEmpty());
    await().atMost(Duration.ofSeconds(30)).until(() -> active().isEmpty());
    assertThat(MesosTestCluster.tasksOf(mesos, APP)).extracting(TaskView::taskId)
        .containsExactlyInAnyOrderElementsOf(before);
    assertThat(MesosTestCluster.tasksOf(mesos, APP)).allSatisfy(t -> assertThat(t.state()).isEqualTo("TASK_KILLED"));
    assertThat(mesos.calls().stream().filter(c -> "KILL".equals(c.type())).count()).isGreaterThanOrEqualTo(3);
    await().atMost(Duration.ofSeconds(30)).until(() -> mesos.executorProcesses().isEmpty());
  }
}
