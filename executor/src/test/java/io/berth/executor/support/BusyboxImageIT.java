package io.berth.executor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BusyboxImageIT {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void runsTheAppletsTheTestsUse() {
    BusyboxImage.ensure();
    String out = BusyboxImage.run("docker", "run", "--rm", BusyboxImage.ensure(), "sh", "-c",
        "for a in sh httpd nc sleep cat wget; do which $a; done");
    assertThat(out.lines()).containsExactly("/bin/sh", "/bin/httpd", "/bin/nc", "/bin/sleep", "/bin/cat", "/bin/wget");
  }
}
