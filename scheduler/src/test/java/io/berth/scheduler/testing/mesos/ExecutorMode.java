package io.berth.scheduler.testing.mesos;

import java.util.Map;

/**
 * How the emulated agents run executors: {@link #real} starts each ExecutorInfo's command as a
 * child process with the Mesos environment (the real {@code berth-executor.jar}); {@link #stub}
 * runs nothing and answers for the executor (LAUNCH gives TASK_STARTING then TASK_RUNNING, KILL
 * gives TASK_KILLED), cheap enough for a thousand agents.
 *
 * @param extraEnv variables added to each executor's environment (real mode only)
 */
public record ExecutorMode(boolean stubbed, Map<String, String> extraEnv) {

  public ExecutorMode {
    extraEnv = Map.copyOf(extraEnv);
  }

  public static ExecutorMode real(Map<String, String> extraEnv) {
    return new ExecutorMode(false, extraEnv);
  }

  public static ExecutorMode real() {
    return real(Map.of());
  }

  public static ExecutorMode stub() {
    return new ExecutorMode(true, Map.of());
  }
}
