package io.berth.executor.docker;

/** The outcome of a command run in a container; {@code exitCode} is null when it timed out. */
public record ExecResult(Integer exitCode, String output, boolean timedOut) {

  public boolean succeeded() {
    return !timedOut && exitCode != null && exitCode == 0;
  }
}
