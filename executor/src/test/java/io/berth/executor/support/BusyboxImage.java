package io.berth.executor.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The test image {@code berth-test/busybox:latest}: /bin/busybox and one link per applet, made with
 * {@code docker import} (no registry is reachable) by the project's own script, deploy/bin/lib.sh,
 * which the test command and run-local use too. Made once per engine; later calls find it.
 */
public final class BusyboxImage {

  public static final String NAME = "berth-test/busybox:latest";

  private BusyboxImage() {}

  public static synchronized String ensure() {
    run("bash", "-c", "source ../deploy/bin/lib.sh && ensure_busybox_image " + NAME);
    return NAME;
  }

  /** Runs a command to its end; its output, or IllegalStateException with it. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
