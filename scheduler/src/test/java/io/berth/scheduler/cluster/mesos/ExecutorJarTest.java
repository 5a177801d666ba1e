package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorJarTest {

  @TempDir
  Path dir;

  @Test
  void theSchedulersOwnUriNamesTheJarsContentSoAgentsMayCacheIt() throws Exception {
    Path jar = Files.writeString(dir.resolve("berth-executor.jar"), "v1");
    ExecutorJar first = ExecutorJar.resolve(MesosConfig.defaults(), dir, "berth-1", 8080);
    Files.writeString(jar, "v2");
    ExecutorJar second = ExecutorJar.resolve(MesosConfig.defaults(), dir, "berth-1", 8080);

    assertThat(first.uri()).startsWith("http://berth-1:8080/executor/berth-executor.jar?sha256=");
    assertThat(first.cacheable()).isTrue();
    assertThat(second.uri()).as("a new jar, a new URI").isNotEqualTo(first.uri());
  }

  @Test
  void aMirrorIsNeverCached() throws Exception {
    Path jar = Files.writeString(dir.resolve("berth-executor.jar"), "v1");
    MesosConfig mirror = new MesosConfig(null, null, null, null, null, null, null, null, null, null, null,
        "https://mirror.example/berth-executor.jar", null, null);

    ExecutorJar resolved = ExecutorJar.resolve(mirror, dir, "berth-1", 8080);

    assertThat(resolved.uri()).isEqualTo("https://mirror.example/berth-executor.jar");
    assertThat(resolved.cacheable()).isFalse();
    assertThat(resolved.file()).isEqualTo(jar.toAbsolutePath());
  }

  @Test
  void noJarIsAClearStartupError() {
    assertThatThrownBy(() -> ExecutorJar.resolve(MesosConfig.defaults(), dir, "berth-1", 8080))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BERTH_MESOS_EXECUTOR_JAR").hasMessageContaining("no readable executor jar");
  }
}
