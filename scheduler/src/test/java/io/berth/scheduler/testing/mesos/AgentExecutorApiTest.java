package io.berth.scheduler.testing.mesos;

import static io.berth.scheduler.testing.mesos.TestTasks.aTask;
import static io.berth.scheduler.testing.mesos.TestTasks.accept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.cluster.mesos.Encoding;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real-mode agents: the fetcher, the executor's environment and process, and the executor API,
 * with the test itself speaking for an executor whose process only sleeps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentExecutorApiTest {

  private static final String SLEEPER = "env > env.txt && exec sleep 600";

  @TempDir
  Path work;
  private MesosCluster cluster;
  private RawScheduler scheduler;

  @BeforeEach
  void start() {
    cluster = MesosCluster.builder().agents(1).executors(ExecutorMode.real(Map.of("EXTRA", "yes")))
        .workDir(work).allocationInterval(Duration.ofMillis(100)).updateRetry(Duration.ofMillis(500))
        .executorRegistrationTimeout(Duration.ofSeconds(3)).start();
    scheduler = RawScheduler.subscribe(cluster.masterUrls().get(0), Encoding.PROTOBUF, RawScheduler.framework().build());
  }

  @AfterEach
  void stop() {
    scheduler.close();
    cluster.close();
    assertThat(cluster.executorProcesses()).isEmpty();
  }

  private void launch(TaskInfo task) {
    Offer offer = scheduler.next(Event.Type.OFFERS).getOffers().getOffers(0);
    TaskInfo onOffer = task.toBuilder().setAgentId(offer.getAgentId()).build();
    assertThat(scheduler.send(scheduler.call(org.apache.mesos.v1.scheduler.Protos.Call.Type.ACCEPT)
        .setAccept(accept(offer, onOffer)).build())).isEqualTo(202);
  }

  private TaskInfo sleeper(String taskId) {
    Offer later = Offer.newBuilder().setAgentId(org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue("later"))
        .buildPartial();
    return aTask(taskId, later, SLEEPER).build();
  }

  private Path sandbox(String executorId) throws Exception {
    Path runs = work.resolve(Path.of("agents", cluster.agentId(0), "frameworks", scheduler.frameworkId, "executors",
        executorId, "runs"));
    await().until(() -> Files.isDirectory(runs));
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.findFirst().orElseThrow();
    }
  }

  @Test
  void theExecutorRunsInItsSandboxWithTheMesosEnvironmentAndFetchedUris() throws Exception {
    Path jar = Files.writeString(work.resolve("fake-executor.jar"), "jar bytes");
    Path conf = Files.writeString(work.resolve("conf.txt"), "conf");
    TaskInfo task = sleeper("envy");
    task = task.toBuilder().setExecutor(task.getExecutor().toBuilder().setShutdownGracePeriod(
        DurationInfo.newBuilder().setNanoseconds(3_000_000_000L)).setCommand(task.getExecutor().getCommand().toBuilder()
        .addUris(CommandInfo.URI.newBuilder().setValue(jar.toUri().toString()).setOutputFile("executor.jar"))
        .addUris(CommandInfo.URI.newBuilder().setValue(conf.toString())))).build();
    launch(task);
    Path sandbox = sandbox("executor.envy");
    await().until(() -> Files.exists(sandbox.resolve("env.txt")) && Files.size(sandbox.resolve("env.txt")) > 0);
    assertThat(sandbox.resolve("executor.jar")).hasContent("jar bytes");
    assertThat(sandbox.resolve("conf.txt")).hasContent("conf");
    List<String> env = Files.readAllLines(sandbox.resolve("env.txt"));
    String endpoint = cluster.agentEndpoint(0);
    assertThat(env).contains("MESOS_FRAMEWORK_ID=" + scheduler.frameworkId, "MESOS_EXECUTOR_ID=executor.envy",
        "MESOS_AGENT_ENDPOINT=" + endpoint, "MESOS_SLAVE_PID=slave(1)@" + endpoint,
        "MESOS_SLAVE_ID=" + cluster.agentId(0), "MESOS_DIRECTORY=" + sandbox, "MESOS_SANDBOX=" + sandbox,
        "MESOS_CHECKPOINT=1", "MESOS_RECOVERY_TIMEOUT=15mins", "MESOS_SUBSCRIPTION_BACKOFF_MAX=2secs",
        "MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD=3secs", "MESOS_HTTP_COMMAND_EXECUTOR=0", "EXTRA=yes");
    assertThat(cluster.executorProcesses()).singleElement()
        .satisfies(p -> assertThat(p.executorId()).isEqualTo("executor.envy"));
    assertThat(sandbox.resolve("stdout")).exists();
    assertThat(sandbox.resolve("stderr")).exists();

    cluster.crashExecutor("envy");
    TaskStatus failed = scheduler.update("envy");
    assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED);
    Event failure = scheduler.next(Event.Type.FAILURE);
    assertThat(failure.getFailure().getStatus()).isEqualTo(9);
    await().until(() -> cluster.executorProcesses().isEmpty());
  }

  @Test
  void aFailedFetchFailsTheTask() {
    TaskInfo task = sleeper("nofetch");
    task = task.toBuilder().setExecutor(task.getExecutor().toBuilder().setCommand(task.getExecutor().getCommand()
        .toBuilder().addUris(CommandInfo.URI.newBuilder().setValue("/no/such/executor.jar")))).build();
    launch(task);
    TaskStatus failed = scheduler.update("nofetch");
    assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED);
    assertThat(failed.getMessage()).contains("/no/such/executor.jar");
  }

  @Test
  void anExecutorThatNeverSubscribesIsKilled() {
    launch(sleeper("silent"));
    TaskStatus failed = scheduler.update("silent");
    assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_REGISTRATION_TIMEOUT);
    await().until(() -> cluster.executorProcesses().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void anExecutorSubscribesGetsItsTaskAndItsUpdatesReachTheScheduler(Encoding encoding) throws Exception {
    launch(sleeper("web"));
    await().until(() -> cluster.executorProcesses().size() == 1);
    RawExecutor executor = new RawExecutor(cluster.agentEndpoint(0), encoding, scheduler.frameworkId, "executor.web");
    TaskStatus running = TaskStatus.newBuilder().setTaskId(sleeper("web").getTaskId()).setState(TaskState.TASK_RUNNING)
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR).setUuid(Statuses.newUuid()).build();
    assertThat(executor.send(executor.call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(running))
        .build())).as("UPDATE before SUBSCRIBE").isEqualTo(403);
    try (executor) {
      executor.subscribe(Call.Subscribe.getDefaultInstance());
      var subscribed = executor.next(org.apache.mesos.v1.executor.Protos.Event.Type.SUBSCRIBED).getSubscribed();
      assertThat(subscribed.getFrameworkInfo().getId().getValue()).isEqualTo(scheduler.frameworkId);
      assertThat(subscribed.getAgentInfo().getId().getValue()).isEqualTo(cluster.agentId(0));
      assertThat(subscribed.getAgentInfo().getHostname()).isEqualTo("agent-0");
      assertThat(subscribed.getExecutorInfo().getExecutorId().getValue()).isEqualTo("executor.web");
      assertThat(subscribed.getContainerId().getValue()).isNotBlank();
      var launch = executor.next(org.apache.mesos.v1.executor.Protos.Event.Type.LAUNCH).getLaunch();
      assertThat(launch.getTask().getTaskId().getValue()).isEqualTo("web");

      assertThat(executor.send(executor.call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(running))
          .build())).isEqualTo(202);
      var acknowledged = executor.next(org.apache.mesos.v1.executor.Protos.Event.Type.ACKNOWLEDGED).getAcknowledged();
      assertThat(acknowledged.getUuid()).isEqualTo(running.getUuid());
      TaskStatus relayed = scheduler.update("web");
      assertThat(relayed.getUuid()).isEqualTo(running.getUuid());
      assertThat(relayed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
      assertThat(relayed.getAgentId().getValue()).isEqualTo(cluster.agentId(0));
      assertThat(relayed.getExecutorId().getValue()).isEqualTo("executor.web");
      scheduler.acknowledge(relayed);

      scheduler.send(scheduler.call(org.apache.mesos.v1.scheduler.Protos.Call.Type.KILL).setKill(
          org.apache.mesos.v1.scheduler.Protos.Call.Kill.newBuilder().setTaskId(running.getTaskId())).build());
      assertThat(executor.next(org.apache.mesos.v1.executor.Protos.Event.Type.KILL).getKill().getTaskId())
          .isEqualTo(running.getTaskId());
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aResubscribingExecutorReplaysItsUnacknowledgedUpdatesAndGetsNoSecondLaunch(Encoding encoding)
      throws Exception {
    launch(sleeper("again"));
    await().until(() -> cluster.executorProcesses().size() == 1);
    TaskInfo launched;
    try (RawExecutor first = new RawExecutor(cluster.agentEndpoint(0), encoding, scheduler.frameworkId,
        "executor.again").subscribe(Call.Subscribe.getDefaultInstance())) {
      launched = first.next(org.apache.mesos.v1.executor.Protos.Event.Type.LAUNCH).getLaunch().getTask();
    }
    TaskStatus running = TaskStatus.newBuilder().setTaskId(launched.getTaskId()).setState(TaskState.TASK_RUNNING)
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR).setUuid(Statuses.newUuid()).build();
    try (RawExecutor second = new RawExecutor(cluster.agentEndpoint(0), encoding, scheduler.frameworkId,
        "executor.again").subscribe(Call.Subscribe.newBuilder().addUnacknowledgedTasks(launched)
        .addUnacknowledgedUpdates(Call.Update.newBuilder().setStatus(running)).build())) {
      second.next(org.apache.mesos.v1.executor.Protos.Event.Type.SUBSCRIBED);
      var acknowledged = second.next(org.apache.mesos.v1.executor.Protos.Event.Type.ACKNOWLEDGED);
      assertThat(acknowledged.getAcknowledged().getUuid()).isEqualTo(running.getUuid());
      assertThat(scheduler.update("again").getUuid()).isEqualTo(running.getUuid());
      assertThat(second.events).noneMatch(e -> e.getType() == org.apache.mesos.v1.executor.Protos.Event.Type.LAUNCH);
    }
  }

  @Test
  void aTaskKilledBeforeItsExecutorSubscribedIsKilledByTheAgent() {
    launch(sleeper("early"));
    await().until(() -> cluster.executorProcesses().size() == 1);
    scheduler.send(scheduler.call(org.apache.mesos.v1.scheduler.Protos.Call.Type.KILL).setKill(
        org.apache.mesos.v1.scheduler.Protos.Call.Kill.newBuilder().setTaskId(sleeper("early").getTaskId())).build());
    TaskStatus killed = scheduler.update("early");
    assertThat(killed.getState()).isEqualTo(TaskState.TASK_KILLED);
    assertThat(killed.getReason()).isEqualTo(TaskStatus.Reason.REASON_TASK_KILLED_DURING_LAUNCH);
    assertThat(killed.getUuid().size()).isEqualTo(16);
    await().until(() -> cluster.executorProcesses().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void executorCallsAreValidated(Encoding encoding) throws Exception {
    launch(sleeper("checked"));
    await().until(() -> cluster.executorProcesses().size() == 1);
    try (RawExecutor executor = new RawExecutor(cluster.agentEndpoint(0), encoding, scheduler.frameworkId,
        "executor.checked").subscribe(Call.Subscribe.getDefaultInstance())) {
      TaskStatus.Builder ok = TaskStatus.newBuilder().setTaskId(sleeper("checked").getTaskId())
          .setState(TaskState.TASK_RUNNING).setSource(TaskStatus.Source.SOURCE_EXECUTOR).setUuid(Statuses.newUuid());
      assertThat(update(executor, ok.clone().setUuid(RawScheduler.uuid(15)))).isEqualTo(400);
      assertThat(update(executor, ok.clone().clearUuid())).isEqualTo(400);
      assertThat(update(executor, ok.clone().setSource(TaskStatus.Source.SOURCE_AGENT))).isEqualTo(400);
      assertThat(update(executor, ok.clone().setState(TaskState.TASK_STAGING))).isEqualTo(400);
      assertThat(update(executor, ok.clone().setExecutorId(ExecutorID.newBuilder().setValue("other")))).isEqualTo(400);
      assertThat(executor.send(executor.call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(ok))
          .clearExecutorId().buildPartial())).isEqualTo(400);
      assertThat(executor.send(executor.call(Call.Type.HEARTBEAT).build())).isEqualTo(202);
      assertThat(executor.send(executor.call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(ok))
          .setExecutorId(ExecutorID.newBuilder().setValue("unknown")).build())).isEqualTo(400);
      assertThat(executor.send(executor.encode(executor.call(Call.Type.HEARTBEAT).build()), "text/plain"))
          .isEqualTo(415);
      assertThat(RawScheduler.send(HttpRequest.newBuilder(executor.api).GET().build()).statusCode()).isEqualTo(405);
      assertThat(update(executor, ok)).isEqualTo(202);
    }
  }

  private static int update(RawExecutor executor, TaskStatus.Builder status) {
    return executor.send(executor.call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder()
        .setStatus(status.buildPartial())).build());
  }

  @Test
  void shutdownEndsTheExecutorAfterItsGraceAndLosesItsTasks() throws Exception {
    TaskInfo task = sleeper("shut");
    task = task.toBuilder().setExecutor(task.getExecutor().toBuilder().setShutdownGracePeriod(
        DurationInfo.newBuilder().setNanoseconds(200_000_000L))).build();
    launch(task);
    await().until(() -> cluster.executorProcesses().size() == 1);
    try (RawExecutor executor = new RawExecutor(cluster.agentEndpoint(0), Encoding.JSON, scheduler.frameworkId,
        "executor.shut").subscribe(Call.Subscribe.getDefaultInstance())) {
      executor.next(org.apache.mesos.v1.executor.Protos.Event.Type.LAUNCH);
      scheduler.send(scheduler.call(org.apache.mesos.v1.scheduler.Protos.Call.Type.SHUTDOWN).setShutdown(
          org.apache.mesos.v1.scheduler.Protos.Call.Shutdown.newBuilder().setAgentId(
              org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue(cluster.agentId(0)))
              .setExecutorId(ExecutorID.newBuilder().setValue("executor.shut"))).build());
      executor.next(org.apache.mesos.v1.executor.Protos.Event.Type.SHUTDOWN);
      TaskStatus lost = scheduler.update("shut");
      assertThat(lost.getState()).isEqualTo(TaskState.TASK_LOST);
      assertThat(lost.getSource()).isEqualTo(TaskStatus.Source.SOURCE_AGENT);
      await().until(() -> cluster.executorProcesses().isEmpty());
    }
  }
}
