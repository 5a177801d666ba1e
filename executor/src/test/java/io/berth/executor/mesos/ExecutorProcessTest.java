package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.executor.ExecutorMain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExecutorMain} as a child process, as an agent starts it (no task, so no Docker needed). */
@Timeout(60)
class ExecutorProcessTest {

  @TempDir
  Path dir;
  private Process process;
  private FakeAgent agent;

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    if (agent != null) {
      agent.close();
    }
  }

  private Process run(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ExecutorMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("MESOS_") || k.startsWith("BERTH_"));
    pb.environment().putAll(env);
    process = pb.start();
    return process;
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void withoutTheMesosEnvironmentItPrintsItsUsage() throws Exception {
    Process p = run(Map.of());

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(output()).contains("usage: java -jar berth-executor.jar", "MESOS_AGENT_ENDPOINT");
  }

  @Test
  void aBrokenEnvironmentIsRefusedWithEveryProblem() throws Exception {
    Process p = run(Map.of("MESOS_AGENT_ENDPOINT", "agent", "MESOS_CHECKPOINT", "true"));

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output()).contains("MESOS_AGENT_ENDPOINT must be ip:port", "MESOS_FRAMEWORK_ID is not set",
        "MESOS_CHECKPOINT must be 1 or 0");
  }

  @Test
  void subscribesToTheAgentAndExitsCleanlyOnShutdown() throws Exception {
    agent = new FakeAgent(Encoding.JSON);
    Map<String, String> env = ExecutorEnvironmentTest.anAgentEnvironment();
    env.put("MESOS_AGENT_ENDPOINT", agent.endpoint());
    env.put("MESOS_DIRECTORY", dir.toString() + File.separator);
    Process p = run(env);

    await().atMost(30, TimeUnit.SECONDS).until(() -> agent.subscribes.size() == 1);
    agent.shutdown();

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output()).isZero();
    assertThat(agent.subscribes.get(0).getExecutorId().getValue()).isEqualTo("berth-e1");
  }
}
