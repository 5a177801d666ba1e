package io.berth.scheduler.testing.mesos;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.KillPolicy;

/** One executor on an emulated agent (one container run); guarded by the master's lock. */
final class ExecutorRun {

  enum State { LAUNCHING, REGISTERING, SUBSCRIBED, TERMINATING, TERMINATED }

  final String frameworkId;
  final ExecutorInfo info;
  final String containerId = UUID.randomUUID().toString();
  State state = State.LAUNCHING;
  Path sandbox;
  Process process;
  EventStream stream;
  /** Set by SHUTDOWN (tasks left when it ends become TASK_LOST rather than TASK_FAILED). */
  boolean shuttingDown;
  /** Every task given to this executor that the agent still tracks. */
  final Set<String> tasks = new LinkedHashSet<>();
  /** Tasks not yet sent to the executor in a LAUNCH event. */
  final Set<String> queued = new LinkedHashSet<>();
  /** KILLs that arrived while the executor was disconnected. */
  final Map<String, KillPolicy> pendingKills = new HashMap<>();
  ScheduledFuture<?> registrationTimer;
  /** 9 once the agent sent SIGKILL, so the wait status can say so. */
  volatile int killedBySignal;

  ExecutorRun(String frameworkId, ExecutorInfo info) {
    this.frameworkId = frameworkId;
    this.info = info;
  }

  String executorId() {
    return info.getExecutorId().getValue();
  }

  String key() {
    return key(frameworkId, executorId());
  }

  static String key(String frameworkId, String executorId) {
    return frameworkId + "\n" + executorId;
  }
}
