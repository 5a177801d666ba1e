package io.berth.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mesosphere.marathon.client.Marathon;
import mesosphere.marathon.client.MarathonClient;
import mesosphere.marathon.client.model.v2.App;
import mesosphere.marathon.client.model.v2.Container;
import mesosphere.marathon.client.model.v2.Docker;
import mesosphere.marathon.client.model.v2.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real Marathon Java client drives an app through its life on the local cluster. */
@Timeout(900)
class MarathonLifecycleIT {

  static final String ID = "/e2e/marathon";

  @TempDir
  static Path data;

  static LocalCluster cluster;
  static Marathon marathon;

  @BeforeAll
  static void start() throws Exception {
    TestDocker.ensureImage();
    cluster = new LocalCluster(data);
    cluster.start();
    marathon = MarathonClient.getInstance("http://127.0.0.1:" + cluster.app.getLocalPort());
  }

  @AfterAll
  static void stop() {
    cluster.stop();
    TestDocker.removeAll(ID);
  }

  @Test
  void createRunScaleRestartKillAndScaleDelete() throws Exception {
    marathon.createApp(app(2));
    Set<String> first = runningTasks(2);

    App scaled = new App();
    scaled.setInstances(3);
    marathon.updateApp(ID, scaled, false);
    Set<String> three = runningTasks(3);
    assertThat(three).containsAll(first);

    marathon.restartApp(ID, false);
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
        .until(() -> { Set<String> now = taskIds(); return now.size() == 3 && now.stream().noneMatch(three::contains)
            && marathon.getApp(ID).getApp().getTasksRunning() == 3; });

    String victim = taskIds().iterator().next();
    marathon.deleteAppTask(ID, victim, "true");
    await().atMost(Duration.ofSeconds(120)).until(() -> taskIds().size() == 2 && !taskIds().contains(victim));
    assertThat(marathon.getApp(ID).getApp().getInstances()).isEqualTo(2);

    marathon.deleteApp(ID);
    await().atMost(Duration.ofSeconds(120)).until(() -> TestDocker.containersOf(ID).isEmpty());
    assertThat(marathon.getApps().getApps()).extracting(App::getId).doesNotContain(ID);
  }

  private Set<String> runningTasks(int n) throws Exception {
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
      List<Task> tasks = List.copyOf(marathon.getAppTasks(ID).getTasks());
      return tasks.size() == n && tasks.stream().allMatch(t -> "TASK_RUNNING".equals(t.getState()));
    });
    return taskIds();
  }

  private Set<String> taskIds() throws Exception {
    return marathon.getAppTasks(ID).getTasks().stream().map(Task::getId).collect(Collectors.toSet());
  }

  private static App app(int instances) {
    App app = new App();
    app.setId(ID);
    app.setCmd("mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p $PORT0 -h /www");
    app.setInstances(instances);
    app.setCpus(0.05);
    app.setMem(16.0);
    app.setTaskKillGracePeriodSeconds(1);
    Docker docker = new Docker();
    docker.setImage(TestDocker.IMAGE);
    Container container = new Container();
    container.setType("DOCKER");
    container.setDocker(docker);
    app.setContainer(container);
    return app;
  }
}
