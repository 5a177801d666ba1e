package io.berth.scheduler.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The busybox test image ({@code docker import} of /bin/busybox and its applet links; no registry
 * is reachable), built once per engine by the project's own script, deploy/bin/lib.sh, which the
 * test command and run-local use too.
 */
public final class TestImages {

  public static final String BUSYBOX = "berth-test/busybox:latest";

  private TestImages() {}

  public static synchronized String ensureBusybox() {
    try {
      Process p = new ProcessBuilder("bash", "-c", "source ../deploy/bin/lib.sh && ensure_busybox_image " + BUSYBOX)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("cannot build " + BUSYBOX + ": " + out);
      }
      return BUSYBOX;
    } catch (IOException e) {
      throw new IllegalStateException("cannot build " + BUSYBOX, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
