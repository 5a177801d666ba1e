package io.berth.executor.health;

import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import io.berth.executor.docker.ExecResult;
import java.time.Duration;
import java.util.List;

/** COMMAND checks: {@code /bin/sh -c <command>} run in the app container; exit 0 is healthy. */
final class CommandProbe implements Probe {

  private final ContainerRuntime runtime;
  private final String containerId;
  private final String command;

  CommandProbe(ContainerRuntime runtime, String containerId, String command) {
    this.runtime = runtime;
    this.containerId = containerId;
    this.command = command;
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    try {
      ExecResult r = runtime.exec(containerId, List.of("/bin/sh", "-c", command), timeout);
      if (r.timedOut()) {
        return ProbeResult.failed("command timed out after " + timeout.toSeconds() + " s");
      }
      return r.succeeded() ? ProbeResult.healthy()
          : ProbeResult.failed("command exited with " + r.exitCode() + ": " + tail(r.output()));
    } catch (ContainerRuntimeException e) {
      return ProbeResult.failed("command could not run: " + e.getMessage());
    }
  }

  private static String tail(String output) {
    String t = output.strip();
    return t.length() > 200 ? "..." + t.substring(t.length() - 200) : t;
  }
}
