package io.berth.scheduler.testing;

import java.time.Duration;

/**
 * The busybox test image ({@code docker import} of /bin/busybox and its applet links; no registry
 * is reachable), built once per engine by the project's own script, deploy/bin/lib.sh, which the
 * test command and run-local use too.
 */
public final class TestImages {

  public static final String BUSYBOX = "berth-test/busybox:latest";

  private TestImages() {}

  public static synchronized String ensureBusybox() {
    Commands.run(Duration.ofSeconds(180), "bash", "-c",
        "source ../deploy/bin/lib.sh && ensure_busybox_image " + BUSYBOX);
    return BUSYBOX;
  }
}
