package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The executor jar: the file this scheduler serves at {@link #PATH}, and the URI agents' fetchers
 * download it from (this scheduler's, unless {@code BERTH_MESOS_EXECUTOR_URI} names a mirror).
 */
public record ExecutorJar(Path file, String uri) {

  public static final String PATH = "/executor/berth-executor.jar";

  public ExecutorJar {
    requireNonNull(file, "file");
    requireNonNull(uri, "uri");
  }

  /**
   * From the configuration: {@code executorJar}, else {@code berth-executor.jar} next to the
   * scheduler's jar (an installation), else the executor module's build output (a source tree).
   * Fails with a message naming the setting when no jar is there.
   */
  public static ExecutorJar resolve(MesosConfig config, Path schedulerJarDir, String advertisedHost, int httpPort) {
    Path file;
    if (config.executorJar() != null) {
      file = Path.of(config.executorJar());
    } else {
      file = schedulerJarDir.resolve("berth-executor.jar");
      if (!Files.isRegularFile(file)) {
        file = schedulerJarDir.resolve("../../executor/target/berth-executor.jar").normalize();
      }
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("mesos.executorJar (BERTH_MESOS_EXECUTOR_JAR): no readable executor jar at "
          + file.toAbsolutePath() + "; agents need it to run Berth's tasks");
    }
    String uri = config.executorUri() != null ? config.executorUri()
        : "http://" + advertisedHost + ":" + httpPort + PATH;
    return new ExecutorJar(file.toAbsolutePath(), uri);
  }
}
