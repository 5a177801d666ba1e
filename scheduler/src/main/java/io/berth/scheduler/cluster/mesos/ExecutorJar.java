package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The executor jar: the file this scheduler serves at {@link #PATH}, and where agents' fetchers
 * download it from (this scheduler's, unless {@code BERTH_MESOS_EXECUTOR_URI} names a mirror).
 * This scheduler's URI names the jar's content ({@code ?sha256=...}), so agents may cache it: a new
 * jar comes with a new URI, and an agent fetches it once, not once per task.
 */
public record ExecutorJar(Path file, String uri, boolean cacheable) {

  public static final String PATH = "/executor/berth-executor.jar";

  public ExecutorJar {
    requireNonNull(file, "file");
    requireNonNull(uri, "uri");
  }

  /** What a launch names: the URI, and whether the fetcher may cache it. */
  public record Source(String uri, boolean cacheable) {
    public Source {
      requireNonNull(uri, "uri");
    }
  }

  public Source source() {
    return new Source(uri, cacheable);
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
    if (config.executorUri() != null) {
      return new ExecutorJar(file.toAbsolutePath(), config.executorUri(), false);
    }
    String uri = "http://" + advertisedHost + ":" + httpPort + PATH + "?sha256=" + sha256(file);
    return new ExecutorJar(file.toAbsolutePath(), uri, true);
  }

  static String sha256(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("mesos.executorJar: cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
