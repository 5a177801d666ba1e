package io.berth.executor.mesos;

import static io.berth.executor.mesos.TaskPayloadReaderTest.carrying;
import static io.berth.executor.support.ItPods.containersOf;
import static io.berth.executor.support.ItPods.httpdApp;
import static io.berth.executor.support.ItPods.newTaskId;
import static io.berth.executor.support.ItPods.standInHelpers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.executor.pod.PodLabels;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodRunner;
import io.berth.executor.support.BusyboxImage;
import io.berth.executor.support.ItPods;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pods left by a dead executor process, on the real engine: the sweep removes them and nothing
 * else, and a new executor removes them before it launches. Every pod here carries an agent id of
 * this test's own, so only this test's pods can be touched; they are all removed afterwards.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class OrphanReapIT {

  private static final PodListener QUIET = (taskId, status, message, healthy) -> { };
  private static DockerContainerRuntime runtime;
  private static HostProcesses processes;
  private static ProcessIdentity self;

  private final String agentId = "it-reap-" + UUID.randomUUID();
  private final List<Process> children = new ArrayList<>();
  private FakeAgent agent;
  private MesosExecutor executor;

  @BeforeAll
  static void engine() {
    processes = HostProcesses.system();
    self = processes.self().orElse(null);
    assumeThat(self).as("this host's /proc tells process identities").isNotNull();
    BusyboxImage.ensure();
    runtime = DockerContainerRuntime.fromEnvironment();
  }

  @AfterEach
  void cleanUp() {
    if (executor != null) {
      executor.close();
    }
    if (agent != null) {
      agent.close();
    }
    children.forEach(Process::destroyForcibly);
    runtime.list(Map.of(PodLabels.AGENT_ID, agentId)).forEach(c -> runtime.remove(c.id()));
  }

  @AfterAll
  static void closeEngine() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
  }

  /** A process of this host, as an executor would be: {@code sleep}, a child of this JVM. */
  private ProcessIdentity aProcess() throws Exception {
    Process p = new ProcessBuilder("sleep", "300").start();
    children.add(p);
    return processes.identity(p.pid()).orElseThrow();
  }

  private ProcessIdentity aDeadProcess() throws Exception {
    Process p = new ProcessBuilder("sleep", "300").start();
    ProcessIdentity identity = processes.identity(p.pid()).orElseThrow();
    p.destroyForcibly();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return identity;
  }

  private TaskPayload aTask(String name, HelperSettings helpers) {
    TaskPayload p = ItPods.payload(newTaskId(name), httpdApp(name).build(), helpers);
    return new TaskPayload(p.taskId(), p.app(), p.host(), agentId, p.hostPorts(), p.fluentdHostPort(), p.helpers(),
        p.defaultImage());
  }

  /** Starts the task's pod as the executor {@code owner} would (no owner: as the local cluster), then lets go of it. */
  private TaskPayload aPodOf(Optional<ProcessIdentity> owner, TaskPayload task) {
    try (PodRunner runner = new PodRunner(runtime, QUIET, Clock.systemUTC(), Duration.ofMillis(200),
        Duration.ofSeconds(30), owner.isEmpty() ? Map.of() : PodRunnerPods.ownerLabels("f-it", "e-it", owner))) {
      assertThat(runner.launch(task)).as("pod of " + task.taskId()).isPresent();
    }
    return task;
  }

  private static boolean allRunning(String taskId, int containers) {
    List<ContainerInfo> found = containersOf(runtime, taskId);
    return found.size() == containers && found.stream().allMatch(ContainerInfo::running);
  }

  @Test
  void theSweepRemovesThePodOfTheDeadExecutorAndLeavesTheLiveOnesAndTheLocalClustersAlone() throws Exception {
    TaskPayload orphan = aPodOf(Optional.of(aDeadProcess()), aTask("orphan", standInHelpers()));
    TaskPayload live = aPodOf(Optional.of(aProcess()), aTask("live", HelperSettings.off()));
    TaskPayload local = aPodOf(Optional.empty(), aTask("local", HelperSettings.off()));
    assertThat(containersOf(runtime, orphan.taskId())).hasSize(3);

    List<OrphanReaper.Orphan> reaped = new OrphanSweep(runtime, self, processes::liveness, Duration.ofSeconds(1))
        .sweep(agentId);

    assertThat(reaped).extracting(OrphanReaper.Orphan::taskId).containsExactly(orphan.taskId());
    assertThat(containersOf(runtime, orphan.taskId())).isEmpty();
    assertThat(allRunning(live.taskId(), 1)).isTrue();
    assertThat(allRunning(local.taskId(), 1)).isTrue();
  }

  @Test
  void aNewExecutorRemovesItsDeadPredecessorsPodBeforeItLaunchesOnTheSameHostPort() throws Exception {
    TaskPayload orphan = aPodOf(Optional.of(aDeadProcess()), aTask("predecessor", HelperSettings.off()));
    TaskPayload fresh = aTask("successor", HelperSettings.off());
    TaskPayload successor = new TaskPayload(fresh.taskId(), fresh.app(), fresh.host(), "as-the-scheduler-says",
        orphan.hostPorts(), 0, fresh.helpers(), fresh.defaultImage());

    agent = new FakeAgent(Encoding.JSON).withAgentId(agentId).acknowledgingEverything();
    Map<String, String> vars = ExecutorEnvironmentTest.anAgentEnvironment();
    vars.put("MESOS_AGENT_ENDPOINT", agent.endpoint());
    executor = new MesosExecutor(ExecutorEnvironment.from(vars), listener -> new PodRunnerPods(
        PodRunner.create(runtime, listener, PodRunnerPods.ownerLabels("f-0001", "berth-e1", Optional.of(self))),
        new OrphanSweep(runtime, self, processes::liveness, Duration.ofSeconds(1))),
        Clock.systemUTC(), MesosExecutor.DEFAULT_UPDATE_RETRY).start();
    await().until(() -> agent.subscribes.size() == 1);
    agent.launch(carrying(successor.taskId(), successor));

    await().atMost(90, TimeUnit.SECONDS).until(() -> agent.updates.stream().map(c -> c.getUpdate().getStatus())
        .anyMatch(s -> s.getTaskId().getValue().equals(successor.taskId()) && s.getState() != TaskState.TASK_STARTING));
    assertThat(agent.updates).map(c -> c.getUpdate().getStatus().getState())
        .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
    assertThat(containersOf(runtime, orphan.taskId())).isEmpty();
    assertThat(get(successor.hostPorts().get(0))).isEqualTo("hello");
    assertThat(containersOf(runtime, successor.taskId())).singleElement().extracting(ContainerInfo::labels)
        .satisfies(labels -> assertThat(labels).containsEntry(PodLabels.EXECUTOR_OWNER, self.label())
            .containsEntry(PodLabels.FRAMEWORK_ID, "f-0001").containsEntry(PodLabels.EXECUTOR_ID, "berth-e1")
            .containsEntry(PodLabels.AGENT_ID, agentId));
  }

  private static String get(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString()).body().trim();
  }
}
