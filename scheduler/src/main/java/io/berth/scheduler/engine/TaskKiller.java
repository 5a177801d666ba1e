package io.berth.scheduler.engine;

import io.berth.api.model.Task;
import java.util.List;

/** Kills tasks on behalf of the API. */
public interface TaskKiller {

  /**
   * Kills the given tasks of an app (unknown ids are skipped) and returns those it kills; with
   * {@code scale} the app's instance count drops by as many, so they are not replaced.
   */
  Killed kill(String appId, List<String> taskIds, boolean scale);

  /** The tasks killed, and the app change that scaled it down ({@code null} without scale). */
  record Killed(List<Task> tasks, AppService.Change scaleChange) {}

  /** Clears the app's launch delay; false when it had none. */
  boolean resetDelay(String appId);
}
