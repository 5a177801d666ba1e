package io.berth.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.executor.pod.ContainerSpec;
import io.berth.executor.pod.HostOptions;
import io.berth.executor.pod.LogDriver;
import io.berth.executor.pod.PodLabels;
import io.berth.executor.pod.Role;
import io.berth.executor.support.BusyboxImage;
import io.berth.executor.support.ItPods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The docker-java adapter against the real engine: mapping, errors in the daemon's words, idempotent cleanup. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DockerContainerRuntimeIT {

  private static DockerContainerRuntime runtime;

  @BeforeAll
  static void engine() {
    BusyboxImage.ensure();
    runtime = DockerContainerRuntime.fromEnvironment();
  }

  @AfterEach
  void cleanUp() {
    ItPods.removeAll(runtime);
  }

  @AfterAll
  static void close() throws Exception {
    runtime.close();
  }

  private static ContainerSpec spec(String name, LogDriver log, HostOptions options) {
    Map<String, String> labels = Map.of(PodLabels.APP_ID, ItPods.APP_PREFIX + "runtime",
        PodLabels.TASK_ID, name, PodLabels.APP_VERSION, "v1", PodLabels.ROLE, "app");
    return new ContainerSpec("berth-" + name, Role.APP, BusyboxImage.NAME, false,
        List.of("/bin/sh", "-c", "echo $GREETING; sleep 300"), List.of(), Map.of("GREETING", "hi"), labels,
        100_000_000L, 32L << 20, "bridge", List.of(), log, options);
  }

  @Test
  void runsExecsStopsAndRemovesAContainerWithItsLimitsAndOptions() {
    String name = "rt-" + UUID.randomUUID();
    HostOptions options = new HostOptions(false, List.of(), List.of("NET_ADMIN"), List.of(), List.of(), List.of(),
        List.of("db.example:10.0.0.5"), List.of(), Map.of(), Map.of("/scratch", "size=1m"),
        List.of(new HostOptions.Ulimit("nofile", 1024, 2048)), 16L << 20, null, null, 64L, null, null, null, null,
        "podhost", null, "/tmp");
    runtime.ensureImage(BusyboxImage.NAME, false);
    String id = runtime.create(spec(name, null, options));
    runtime.start(id);

    assertThat(runtime.inspect(id).orElseThrow().running()).isTrue();
    assertThat(runtime.inspect(id).orElseThrow().ipAddress()).isNotBlank();
    ExecResult r = runtime.exec(id, List.of("sh", "-c",
        "hostname; pwd; ulimit -Sn; ulimit -Hn; grep db.example /etc/hosts; cat /sys/fs/cgroup/memory.max 2>/dev/null "
            + "|| cat /sys/fs/cgroup/memory/memory.limit_in_bytes"), Duration.ofSeconds(10));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.output()).contains("podhost", "/tmp", "1024\n2048", "10.0.0.5", Long.toString(32L << 20));
    assertThat(runtime.list(Map.of(PodLabels.TASK_ID, name))).extracting(ContainerInfo::id).containsExactly(id);

    runtime.stop(id, Duration.ofSeconds(1));
    assertThat(runtime.inspect(id).orElseThrow().exited()).isTrue();
    runtime.stop(id, Duration.ofSeconds(1));
    runtime.remove(id);
    runtime.remove(id);
    assertThat(runtime.inspect(id)).isEmpty();
  }

  @Test
  void anExecThatOutlivesItsTimeoutIsReportedAsTimedOut() {
    String id = runtime.create(spec("rt-" + UUID.randomUUID(), null, null));
    runtime.start(id);
    ExecResult r = runtime.exec(id, List.of("sleep", "30"), Duration.ofMillis(500));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.succeeded()).isFalse();
  }

  @Test
  void aLogOptionTheDaemonRejectsFailsInTheDaemonsWords() {
    LogDriver bogus = new LogDriver("fluentd", Map.of("fluentd-address", "127.0.0.1:1", "fluentd-bogus", "1"));
    assertThatThrownBy(() -> runtime.create(spec("rt-" + UUID.randomUUID(), bogus, null)))
        .isInstanceOf(ContainerRuntimeException.class)
        .hasMessageContaining("unknown log opt 'fluentd-bogus' for fluentd log driver");
  }

  @Test
  void anImageThatIsThereIsNotPulled() {
    runtime.ensureImage(BusyboxImage.NAME, false);
    assertThatThrownBy(() -> runtime.ensureImage(BusyboxImage.NAME, true))
        .isInstanceOf(ContainerRuntimeException.class).isNotInstanceOf(TransientContainerRuntimeException.class);
  }
}
