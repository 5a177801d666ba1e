package io.berth.scheduler.testing.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.scheduler.cluster.mesos.Encoding;
import io.berth.scheduler.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator with the real {@code berth-executor.jar} (fetched from a file path, started with
 * the Mesos environment) running a busybox pod on the Docker engine: RUNNING reaches the
 * scheduler's stream, KILL removes the container.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MesosEmulatorIT {

  private static final String APP_ID = "/berth-emu-it/sleeper";
  /** The first port of agent 0's range: the app's one host port (PORT0). */
  private static final int PORT = 31000;
  private static Path executorJar;

  @TempDir
  Path work;
  private MesosCluster cluster;
  private RawScheduler scheduler;

  @BeforeAll
  static void prerequisites() {
    executorJar = Path.of(System.getProperty("berth.executorJar", "../executor/target/berth-executor.jar"))
        .toAbsolutePath().normalize();
    assertThat(executorJar).as("build the executor first (mvn install)").isRegularFile();
    TestImages.ensureBusybox();
  }

  @BeforeEach
  void start() {
    cluster = MesosCluster.builder().agents(1).agentResources(2, 2048, 4000)
        .executors(ExecutorMode.real(Map.of())).workDir(work).heartbeatInterval(Duration.ofSeconds(2))
        .allocationInterval(Duration.ofMillis(200)).updateRetry(Duration.ofSeconds(2)).start();
    scheduler = RawScheduler.subscribe(cluster.masterUrls().get(0), Encoding.PROTOBUF, RawScheduler.framework().build());
  }

  @AfterEach
  void stop() {
    scheduler.close();
    cluster.close();
    assertThat(cluster.executorProcesses()).isEmpty();
    for (String id : containers()) {
      docker("rm", "-f", id);
    }
  }

  /** Launches one sleeper pod and acknowledges its updates until TASK_RUNNING, which it returns. */
  private TaskStatus runningSleeper(String taskId) throws IOException {
    Offer offer = scheduler.next(Event.Type.OFFERS).getOffers().getOffers(0);
    TaskInfo task = taskInfo(taskId, offer);
    assertThat(scheduler.send(scheduler.call(Call.Type.ACCEPT)
        .setAccept(TestTasks.accept(offer, task)).build())).isEqualTo(202);
    TaskStatus status;
    do {
      status = scheduler.next(e -> e.getType() == Event.Type.UPDATE, Duration.ofSeconds(120)).getUpdate().getStatus();
      assertThat(status.getTaskId().getValue()).isEqualTo(taskId);
      assertThat(status.getUuid().size()).as("agent-relayed updates carry a uuid").isEqualTo(16);
      assertThat(status.getState()).as(status.getMessage()).isIn(TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
      scheduler.acknowledge(status);
    } while (status.getState() != TaskState.TASK_RUNNING);
    return status;
  }

  @Test
  void aCrashedExecutorFailsItsTaskWithTheSignalInTheFailure() throws Exception {
    String taskId = "berth-emu-it_sleeper." + UUID.randomUUID();
    runningSleeper(taskId);
    cluster.crashExecutor(taskId);
    TaskStatus failed = scheduler.update(taskId);
    assertThat(failed.getState()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(failed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_AGENT);
    assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED);
    assertThat(scheduler.next(Event.Type.FAILURE).getFailure().getStatus()).isEqualTo(9);
    await().until(() -> cluster.executorProcesses().isEmpty());
  }

  @Test
  void theRealExecutorRunsTheTasksPodAndKillRemovesIt() throws Exception {
    String taskId = "berth-emu-it_sleeper." + UUID.randomUUID();
    TaskStatus status = runningSleeper(taskId);
    assertThat(status.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(cluster.executorProcesses()).singleElement()
        .satisfies(p -> assertThat(p.executorId()).isEqualTo("berth-executor." + taskId));
    assertThat(containers()).isNotEmpty();

    scheduler.send(scheduler.call(Call.Type.KILL).setKill(Call.Kill.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(taskId))).build());
    TaskStatus killed = scheduler.next(e -> e.getType() == Event.Type.UPDATE
        && Statuses.terminal(e.getUpdate().getStatus().getState()), Duration.ofSeconds(60)).getUpdate().getStatus();
    assertThat(killed.getState()).isEqualTo(TaskState.TASK_KILLED);
    scheduler.acknowledge(killed);
    await().atMost(30, TimeUnit.SECONDS).until(() -> containers().isEmpty());
    assertThat(cluster.tasks()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("TASK_KILLED"));
  }

  private TaskInfo taskInfo(String taskId, Offer offer) throws IOException {
    App app = App.builder().id(APP_ID).version("2026-11-26T12:00:00.000Z").cmd("sleep 600").cpus(0.1).mem(32.0)
        .labels(Map.of("berth.helpers", "off"))
        .container(new Container("DOCKER", new Docker(TestImages.BUSYBOX, "HOST", null, null, null, null), null, null))
        .build().normalized();
    TaskPayload payload = new TaskPayload(taskId, app, offer.getHostname(), offer.getAgentId().getValue(), List.of(PORT),
        0, HelperSettings.off(), TestImages.BUSYBOX);
    ExecutorInfo executor = ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.CUSTOM)
        .setExecutorId(ExecutorID.newBuilder().setValue("berth-executor." + taskId))
        .setCommand(CommandInfo.newBuilder().setValue("java -jar berth-executor.jar").addUris(CommandInfo.URI
            .newBuilder().setValue(executorJar.toString()).setExtract(false).setOutputFile("berth-executor.jar")))
        .addResources(TestTasks.scalar("cpus", 0.1)).addResources(TestTasks.scalar("mem", 128)).build();
    return TaskInfo.newBuilder().setName("sleeper").setTaskId(TaskID.newBuilder().setValue(taskId))
        .setAgentId(offer.getAgentId()).addResources(TestTasks.scalar("cpus", 0.1))
        .addResources(TestTasks.scalar("mem", 32)).addResources(TestTasks.port(PORT)).setExecutor(executor)
        .setData(ByteString.copyFrom(new ObjectMapper().writeValueAsBytes(payload))).build();
  }

  private static List<String> containers() {
    return docker("ps", "-aq", "--filter", "label=berth.app-id=" + APP_ID).lines().filter(l -> !l.isBlank()).toList();
  }

  private static String docker(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return io.berth.scheduler.testing.Commands.run(Duration.ofSeconds(60), command.toArray(String[]::new));
  }
}
