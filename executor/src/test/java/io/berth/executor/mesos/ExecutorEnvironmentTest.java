package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExecutorEnvironmentTest {

  static Map<String, String> anAgentEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("MESOS_AGENT_ENDPOINT", "10.0.0.5:5051");
    env.put("MESOS_FRAMEWORK_ID", "f-0001");
    env.put("MESOS_EXECUTOR_ID", "berth-e1");
    env.put("MESOS_DIRECTORY", "/var/lib/mesos/slaves/s1/frameworks/f-0001/executors/berth-e1/runs/r1");
    env.put("MESOS_CHECKPOINT", "1");
    env.put("MESOS_RECOVERY_TIMEOUT", "15mins");
    env.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "2secs");
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "5secs");
    return env;
  }

  @Nested
  class Durations {
    @Test
    void readsEveryStoutUnit() {
      assertThat(MesosDuration.parse("15mins")).isEqualTo(Duration.ofMinutes(15));
      assertThat(MesosDuration.parse("5secs")).isEqualTo(Duration.ofSeconds(5));
      assertThat(MesosDuration.parse("1.5secs")).isEqualTo(Duration.ofMillis(1500));
      assertThat(MesosDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
      assertThat(MesosDuration.parse("7us")).isEqualTo(Duration.ofNanos(7000));
      assertThat(MesosDuration.parse("3ns")).isEqualTo(Duration.ofNanos(3));
      assertThat(MesosDuration.parse("2hrs")).isEqualTo(Duration.ofHours(2));
      assertThat(MesosDuration.parse("1days")).isEqualTo(Duration.ofDays(1));
      assertThat(MesosDuration.parse("1weeks")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void refusesWhatStoutWouldNot() {
      for (String bad : new String[] {"5", "5s", "five secs", "-1secs", "", "5 fortnights"}) {
        assertThatThrownBy(() -> MesosDuration.parse(bad)).as(bad)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Mesos duration");
      }
    }
  }

  @Test
  void readsWhatTheAgentSets() {
    ExecutorEnvironment env = ExecutorEnvironment.from(anAgentEnvironment());

    assertThat(env.executorApi()).hasToString("http://10.0.0.5:5051/api/v1/executor");
    assertThat(env.frameworkId()).isEqualTo("f-0001");
    assertThat(env.executorId()).isEqualTo("berth-e1");
    assertThat(env.checkpoint()).isTrue();
    assertThat(env.recoveryTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(env.subscriptionBackoffMax()).isEqualTo(Duration.ofSeconds(2));
    assertThat(env.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(env.encoding()).isEqualTo(Encoding.JSON);
    assertThat(env.authToken()).isNull();
    assertThat(env.agentId()).isNull();
    assertThat(env.reapInterval()).isEqualTo(ExecutorEnvironment.DEFAULT_REAP_INTERVAL).hasSeconds(60);
  }

  @Test
  void readsTheAgentIdAndHowOftenToLookForOrphanedPods() {
    Map<String, String> vars = anAgentEnvironment();
    vars.put("MESOS_SLAVE_ID", "a1b2-S0");
    vars.put("BERTH_EXECUTOR_REAP_INTERVAL", "5mins");

    ExecutorEnvironment env = ExecutorEnvironment.from(vars);

    assertThat(env.agentId()).isEqualTo("a1b2-S0");
    assertThat(env.reapInterval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aReapIntervalIsAPositiveDuration() {
    Map<String, String> vars = anAgentEnvironment();
    vars.put("BERTH_EXECUTOR_REAP_INTERVAL", "0secs");

    assertThatThrownBy(() -> ExecutorEnvironment.from(vars))
        .hasMessageContaining("BERTH_EXECUTOR_REAP_INTERVAL must be positive");
  }

  @Test
  void withoutCheckpointingTheRecoveryVariablesFallBackToMesosDefaults() {
    Map<String, String> vars = anAgentEnvironment();
    vars.put("MESOS_CHECKPOINT", "0");
    vars.remove("MESOS_RECOVERY_TIMEOUT");
    vars.remove("MESOS_SUBSCRIPTION_BACKOFF_MAX");
    vars.remove("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD");

    ExecutorEnvironment env = ExecutorEnvironment.from(vars);

    assertThat(env.checkpoint()).isFalse();
    assertThat(env.recoveryTimeout()).isEqualTo(ExecutorEnvironment.DEFAULT_RECOVERY_TIMEOUT);
    assertThat(env.subscriptionBackoffMax()).isEqualTo(ExecutorEnvironment.DEFAULT_SUBSCRIPTION_BACKOFF_MAX);
    assertThat(env.shutdownGracePeriod()).isEqualTo(ExecutorEnvironment.DEFAULT_SHUTDOWN_GRACE_PERIOD);
  }

  @Test
  void protobufEncodingIsSelectable() {
    Map<String, String> vars = anAgentEnvironment();
    vars.put("BERTH_EXECUTOR_ENCODING", "protobuf");

    assertThat(ExecutorEnvironment.from(vars).encoding()).isEqualTo(Encoding.PROTOBUF);
  }

  @Test
  void listsEveryProblemAtOnceWithoutEchoingTheValues() {
    Map<String, String> vars = anAgentEnvironment();
    vars.remove("MESOS_FRAMEWORK_ID");
    vars.put("MESOS_EXECUTOR_ID", " ");
    vars.put("MESOS_CHECKPOINT", "true");
    vars.put("MESOS_RECOVERY_TIMEOUT", "15");
    vars.put("MESOS_AGENT_ENDPOINT", "http://agent:5051/");

    assertThatThrownBy(() -> ExecutorEnvironment.from(vars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MESOS_FRAMEWORK_ID is not set")
        .hasMessageContaining("MESOS_EXECUTOR_ID is not set")
        .hasMessageContaining("MESOS_CHECKPOINT must be 1 or 0")
        .hasMessageContaining("MESOS_RECOVERY_TIMEOUT: '15' is not a Mesos duration")
        .hasMessageContaining("MESOS_AGENT_ENDPOINT must be ip:port");
  }

  @Test
  void anEmptyEnvironmentNamesTheRequiredVariables() {
    assertThatThrownBy(() -> ExecutorEnvironment.from(Map.of()))
        .hasMessageContaining("MESOS_AGENT_ENDPOINT is not set")
        .hasMessageContaining("MESOS_FRAMEWORK_ID is not set")
        .hasMessageContaining("MESOS_EXECUTOR_ID is not set");
  }
}
