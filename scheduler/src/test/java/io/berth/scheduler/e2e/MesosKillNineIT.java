package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.scheduler.testing.mesos.MesosCluster;
import io.berth.scheduler.testing.mesos.TaskView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged scheduler, a Mesos framework on the emulated cluster, is killed with SIGKILL right
 * after its first ACCEPT, while the rest of the app's instances are being placed, and started
 * again on the same ZooKeeper state: no task is lost, none is launched twice, and the app ends up
 * with exactly its instances, each one pod.
 */
@Timeout(600)
class MesosKillNineIT {

  static final String APP = "/e2e/mesos-kill";
  static final int INSTANCES = 6;

  @TempDir
  Path work;

  private MesosCluster mesos;
  private final SchedulerProcess berth = new SchedulerProcess("mesos-kill-it-scheduler-");
  private Process scheduler;

  @AfterEach
  void cleanUp() {
    if (scheduler != null) {
      scheduler.destroyForcibly();
    }
    if (mesos != null) {
      mesos.close();
    }
    TestDocker.removeAll(APP);
  }

  @Test
  void aSchedulerKilledDuringALaunchLosesNoTaskAndLaunchesNoneTwice() throws Exception {
    TestDocker.ensureImage();
    mesos = MesosTestCluster.start(1, 3, work.resolve("mesos"));
    scheduler = start();

    berth.postApp(LocalClusterIT.httpApp(APP, INSTANCES, ",\"labels\":{\"berth.helpers\":\"off\"}"));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
        .until(() -> mesos.calls().stream().anyMatch(c -> "ACCEPT".equals(c.type())));
    scheduler.destroyForcibly().waitFor();
    int launchedBeforeTheKill = MesosTestCluster.tasksOf(mesos, APP).size();

    scheduler = start();

    Set<String> running = awaitRunning(INSTANCES);
    List<TaskView> all = MesosTestCluster.tasksOf(mesos, APP);
    assertThat(launchedBeforeTheKill).isPositive();
    assertThat(all).extracting(TaskView::taskId).doesNotHaveDuplicates();
    assertThat(all.stream().filter(t -> t.state().equals("TASK_RUNNING")).map(TaskView::taskId)
        .collect(Collectors.toSet())).isEqualTo(running);
    assertThat(all).allSatisfy(t -> assertThat(t.state()).isIn("TASK_RUNNING", "TASK_KILLED"));
    await().atMost(Duration.ofSeconds(60)).until(() -> appContainersByTask().keySet().equals(running));
    assertThat(appContainersByTask().values()).as("one app container per task, ever").allMatch(n -> n == 1);
  }

  private Map<String, Integer> appContainersByTask() {
    Map<String, Integer> out = new HashMap<>();
    TestDocker.containersOf(APP).stream().filter(c -> c.role().equals("app"))
        .forEach(c -> out.merge(c.taskId(), 1, Integer::sum));
    return out;
  }

  private Set<String> awaitRunning(int n) {
    Set<String>[] last = new Set[] {Set.of()};
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
      JsonNode tasks = new ObjectMapper().readTree(berth.get("/v2/apps" + APP + "/tasks")).path("tasks");
      Set<String> ids = new TreeSet<>();
      tasks.forEach(t -> {
        if (t.path("state").asText().equals("TASK_RUNNING")) {
          ids.add(t.path("id").asText());
        }
      });
      last[0] = ids;
      return ids.size() == n && tasks.size() == n;
    });
    return last[0];
  }

  private Process start() throws IOException {
    Map<String, String> env = new HashMap<>(MesosTestCluster.schedulerEnvironment(mesos));
    env.put("BERTH_DATA_DIR", work.resolve("berth").toString());
    env.put("BERTH_DEFAULT_IMAGE", TestDocker.IMAGE);
    // Agents fetch the executor from a mirror, not from the scheduler: a launch accepted just before
    // the kill still starts, so the restarted scheduler must adopt it (the point of this test).
    env.put("BERTH_MESOS_EXECUTOR_URI", MesosTestCluster.EXECUTOR_JAR.toUri().toString());
    return berth.start(env);
  }
}
