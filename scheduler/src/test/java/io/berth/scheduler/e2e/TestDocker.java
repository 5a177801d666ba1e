package io.berth.scheduler.e2e;

import io.berth.scheduler.testing.Commands;
import io.berth.scheduler.testing.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real Docker engine, through its CLI, for end-to-end tests: images, and containers by label. */
final class TestDocker {

  static final String IMAGE = TestImages.BUSYBOX;

  private TestDocker() {}

  static void ensureImage() {
    TestImages.ensureBusybox();
  }

  /** One container of a pod, as `docker ps` shows it. */
  record Container(String id, String taskId, String role, String state) {}

  static List<Container> containersOf(String appId) {
    String out = run("docker", "ps", "-a", "--no-trunc", "--filter", "label=berth.app-id=" + appId, "--format",
        "{{.ID}}|{{.Label \"berth.task-id\"}}|{{.Label \"berth.role\"}}|{{.State}}");
    List<Container> list = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] f = line.split("\\|");
      if (f.length == 4) {
        list.add(new Container(f[0], f[1], f[2], f[3]));
      }
    }
    return list;
  }

  static String startedAt(String containerId) {
    return run("docker", "inspect", "--format", "{{.State.StartedAt}}", containerId).trim();
  }

  static void kill(String containerId) {
    run("docker", "kill", containerId);
  }

  /** Removes every container of the app (test clean-up). */
  static void removeAll(String appId) {
    for (Container c : containersOf(appId)) {
      run("docker", "rm", "-f", c.id());
    }
  }

  static String run(String... command) {
    return Commands.run(Duration.ofSeconds(120), command);
  }
}
