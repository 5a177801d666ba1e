package io.berth.scheduler.testing.mesos;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated Mesos agent: its resources, its executors (real processes or stubs), the tasks it
 * runs and its status update manager. Every method runs under the master's lock; processes are
 * started and fetches made by {@link ExecutorLauncher} outside it.
 */
final class Agent {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  final Master master;
  final int index;
  final String id;
  final String hostname;
  final Res total;
  final Map<String, String> attributes;
  final boolean stubbed;
  boolean registered = true;
  boolean lost;
  double lostSince;
  AgentServer server;
  ExecutorLauncher launcher;
  final Map<String, FrameworkInfo> frameworks = new HashMap<>();
  final Map<String, ExecutorRun> executors = new HashMap<>();
  final Map<String, AgentTask> tasks = new HashMap<>();
  final StatusUpdates updates = new StatusUpdates(this);

  Agent(Master master, int index, String id, String hostname, Res total, Map<String, String> attributes,
      boolean stubbed) {
    this.master = master;
    this.index = index;
    this.id = id;
    this.hostname = hostname;
    this.total = total;
    this.attributes = Map.copyOf(attributes);
    this.stubbed = stubbed;
  }

  int port() {
    return server == null ? 5051 : server.port();
  }

  boolean reachable() {
    return registered && !lost;
  }

  AgentInfo info() {
    return AgentInfo.newBuilder().setHostname(hostname).setId(AgentID.newBuilder().setValue(id)).setPort(port())
        .addAllResources(total.toProto("*")).build();
  }

  // ---- from the master ---------------------------------------------------------------------

  void runTask(FrameworkInfo framework, TaskInfo info) {
    String fwId = framework.getId().getValue();
    frameworks.put(fwId, framework);
    if (!info.hasExecutor()) {
      AgentTask t = new AgentTask(fwId, info, null);
      tasks.put(MasterTask.key(fwId, t.taskId()), t);
      if (stubbed) {
        stubRun(t);
      } else {
        update(t, Statuses.agent(t.taskId(), id, null, TaskState.TASK_FAILED,
            TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, "the emulated agent runs custom executors only"));
      }
      return;
    }
    String key = ExecutorRun.key(fwId, info.getExecutor().getExecutorId().getValue());
    ExecutorRun run = executors.get(key);
    if (run == null || run.state == ExecutorRun.State.TERMINATING) {
      run = new ExecutorRun(fwId, info.getExecutor());
      executors.put(key, run);
      if (stubbed) {
        run.state = ExecutorRun.State.SUBSCRIBED;
      } else {
        launcher.launch(this, run);
      }
    }
    AgentTask t = new AgentTask(fwId, info, run);
    tasks.put(MasterTask.key(fwId, t.taskId()), t);
    run.tasks.add(t.taskId());
    if (run.state == ExecutorRun.State.SUBSCRIBED) {
      deliver(t);
    } else {
      run.queued.add(t.taskId());
    }
  }

  private void deliver(AgentTask t) {
    t.launched = true;
    if (stubbed) {
      stubRun(t);
    } else {
      t.run.stream.send(Event.newBuilder().setType(Event.Type.LAUNCH)
          .setLaunch(Event.Launch.newBuilder().setTask(t.info)).build());
    }
  }

  private void stubRun(AgentTask t) {
    String executorId = t.run == null ? null : t.run.executorId();
    update(t, Statuses.executor(t.taskId(), id, executorId, TaskState.TASK_STARTING, "stub executor"));
    update(t, Statuses.executor(t.taskId(), id, executorId, TaskState.TASK_RUNNING, "stub executor"));
  }

  void killTask(String fwId, String taskId, KillPolicy policy) {
    AgentTask t = tasks.get(MasterTask.key(fwId, taskId));
    if (t == null || t.terminal()) {
      return;
    }
    String executorId = t.run == null ? null : t.run.executorId();
    if (!t.launched && t.run != null) {
      t.run.queued.remove(taskId);
      update(t, Statuses.agent(taskId, id, executorId, TaskState.TASK_KILLED,
          TaskStatus.Reason.REASON_TASK_KILLED_DURING_LAUNCH, "Task killed before it was launched"));
      if (t.run.state == ExecutorRun.State.LAUNCHING || t.run.state == ExecutorRun.State.REGISTERING) {
        if (t.run.tasks.stream().allMatch(id -> tasks.get(MasterTask.key(fwId, id)).terminal())) {
          terminate(t.run, false);
        }
      }
    } else if (stubbed || t.run == null) {
      update(t, Statuses.executor(taskId, id, executorId, TaskState.TASK_KILLED, "killed by the stub executor"));
    } else if (t.run.stream != null && t.run.stream.isOpen()) {
      sendKill(t.run, taskId, policy);
    } else {
      t.run.pendingKills.put(taskId, policy);
    }
  }

  private static void sendKill(ExecutorRun run, String taskId, KillPolicy policy) {
    Event.Kill.Builder kill = Event.Kill.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId));
    if (policy != null) {
      kill.setKillPolicy(policy);
    }
    run.stream.send(Event.newBuilder().setType(Event.Type.KILL).setKill(kill).build());
  }

  void acknowledge(String fwId, String taskId, ByteString uuid) {
    updates.acknowledge(fwId, taskId, uuid);
  }

  void message(String fwId, String executorId, ByteString data) {
    ExecutorRun run = executors.get(ExecutorRun.key(fwId, executorId));
    if (run != null && run.stream != null) {
      run.stream.send(Event.newBuilder().setType(Event.Type.MESSAGE)
          .setMessage(Event.Message.newBuilder().setData(data)).build());
    }
  }

  void shutdownExecutor(String fwId, String executorId) {
    ExecutorRun run = executors.get(ExecutorRun.key(fwId, executorId));
    if (run != null) {
      terminate(run, true);
    }
  }

  void shutdownFramework(String fwId) {
    for (ExecutorRun run : new ArrayList<>(executors.values())) {
      if (run.frameworkId.equals(fwId)) {
        terminate(run, true);
      }
    }
    updates.dropFramework(fwId);
    tasks.values().removeIf(t -> t.frameworkId.equals(fwId));
  }

  /**
   * Ends an executor: a SHUTDOWN event and the grace period for a subscribed one, at once for
   * one that is not (yet) subscribed or a stub.
   */
  void terminate(ExecutorRun run, boolean shutdown) {
    if (run.state == ExecutorRun.State.TERMINATED) {
      return;
    }
    run.shuttingDown |= shutdown;
    boolean subscribed = run.state == ExecutorRun.State.SUBSCRIBED && run.stream != null;
    run.state = ExecutorRun.State.TERMINATING;
    if (stubbed) {
      for (String taskId : run.tasks) {
        AgentTask t = tasks.get(MasterTask.key(run.frameworkId, taskId));
        if (t != null && !t.terminal()) {
          update(t, Statuses.executor(taskId, id, run.executorId(), TaskState.TASK_KILLED, "stub executor shut down"));
        }
      }
      executorExited(run, 0);
      return;
    }
    if (subscribed) {
      run.stream.send(Event.newBuilder().setType(Event.Type.SHUTDOWN).build());
      long graceMs = run.info.hasShutdownGracePeriod()
          ? run.info.getShutdownGracePeriod().getNanoseconds() / 1_000_000 : 5_000;
      master.timer.schedule(() -> ExecutorLauncher.destroy(run), graceMs, TimeUnit.MILLISECONDS);
    } else {
      ExecutorLauncher.destroy(run);
    }
  }

  void resendUpdates() {
    updates.forwardAll();
  }

  /** The agent's latest status of a task (a STAGING one if the executor sent none yet), or null. */
  TaskStatus currentStatus(String fwId, String taskId) {
    AgentTask t = tasks.get(MasterTask.key(fwId, taskId));
    if (t == null) {
      return null;
    }
    if (t.latest != null) {
      return t.latest;
    }
    return Statuses.master(taskId, id, TaskState.TASK_STAGING, TaskStatus.Reason.REASON_AGENT_REREGISTERED, null)
        .build();
  }

  // ---- status updates ----------------------------------------------------------------------

  /** Takes an update into the status update manager; false for a duplicate. */
  boolean update(AgentTask t, TaskStatus status) {
    TaskStatus.Builder b = status.toBuilder().setAgentId(AgentID.newBuilder().setValue(id));
    if (t.run != null) {
      b.setExecutorId(ExecutorID.newBuilder().setValue(t.run.executorId()));
    }
    if (!b.hasTimestamp()) {
      b.setTimestamp(Statuses.now());
    }
    TaskStatus full = b.build();
    if (!updates.add(t.frameworkId, full)) {
      return false;
    }
    t.latest = full;
    if (stubbed && t.run != null && Statuses.terminalOnAgent(full.getState())
        && t.run.state == ExecutorRun.State.SUBSCRIBED && allTerminal(t.run)) {
      executorExited(t.run, 0); // a stub executor ends with its last task
    }
    return true;
  }

  private boolean allTerminal(ExecutorRun run) {
    return run.tasks.stream().map(id -> tasks.get(MasterTask.key(run.frameworkId, id)))
        .allMatch(t -> t == null || t.terminal());
  }

  /** The scheduler acknowledged a task's terminal update: the agent forgets the task. */
  void taskDone(String fwId, String taskId) {
    AgentTask t = tasks.remove(MasterTask.key(fwId, taskId));
    if (t != null && t.run != null) {
      t.run.tasks.remove(taskId);
    }
  }

  // ---- executor side -----------------------------------------------------------------------

  void executorSubscribed(ExecutorRun run, EventStream stream, Call.Subscribe subscribe) {
    if (run.stream != null) {
      run.stream.close();
    }
    if (run.registrationTimer != null) {
      run.registrationTimer.cancel(false);
    }
    run.stream = stream;
    if (run.state == ExecutorRun.State.REGISTERING || run.state == ExecutorRun.State.LAUNCHING) {
      run.state = ExecutorRun.State.SUBSCRIBED;
    }
    LOG.info("Executor {} subscribed to agent {} ({} unacknowledged tasks, {} updates)", run.executorId(), id,
        subscribe.getUnacknowledgedTasksCount(), subscribe.getUnacknowledgedUpdatesCount());
    stream.send(Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
        .setExecutorInfo(run.info).setFrameworkInfo(frameworks.get(run.frameworkId)).setAgentInfo(info())
        .setContainerId(ContainerID.newBuilder().setValue(run.containerId))).build());
    for (Call.Update u : subscribe.getUnacknowledgedUpdatesList()) {
      executorUpdate(run, u.getStatus()); // taken again (duplicates are recognised by uuid) and ACKNOWLEDGED
    }
    for (TaskInfo known : subscribe.getUnacknowledgedTasksList()) {
      run.queued.remove(known.getTaskId().getValue());
    }
    if (run.state == ExecutorRun.State.TERMINATING) {
      stream.send(Event.newBuilder().setType(Event.Type.SHUTDOWN).build());
      return;
    }
    for (String taskId : new ArrayList<>(run.queued)) {
      deliver(tasks.get(MasterTask.key(run.frameworkId, taskId)));
    }
    run.queued.clear();
    run.pendingKills.forEach((taskId, policy) -> sendKill(run, taskId, policy));
    run.pendingKills.clear();
  }

  void executorStreamBroken(ExecutorRun run, EventStream stream) {
    synchronized (master) {
      if (run.stream == stream) {
        run.stream = null;
        LOG.info("Executor {} on agent {} disconnected", run.executorId(), id);
      }
    }
  }

  /** An UPDATE call that passed validation: into the status update manager, then ACKNOWLEDGED. */
  void executorUpdate(ExecutorRun run, TaskStatus status) {
    AgentTask t = tasks.get(MasterTask.key(run.frameworkId, status.getTaskId().getValue()));
    if (t != null) {
      update(t, status);
    } else {
      LOG.info("Update {} for unknown task {} from executor {}", status.getState(),
          status.getTaskId().getValue(), run.executorId());
    }
    if (run.stream != null) {
      run.stream.send(Event.newBuilder().setType(Event.Type.ACKNOWLEDGED).setAcknowledged(
          Event.Acknowledged.newBuilder().setTaskId(status.getTaskId()).setUuid(status.getUuid())).build());
    }
  }

  void launchFailed(ExecutorRun run, String message) {
    failTasks(run, TaskState.TASK_FAILED, TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, message);
    run.state = ExecutorRun.State.TERMINATED;
    executors.remove(run.key(), run);
    master.executorTerminated(this, run.frameworkId, run.executorId(), null);
  }

  void registrationTimedOut(ExecutorRun run) {
    if (run.state != ExecutorRun.State.REGISTERING) {
      return;
    }
    LOG.warn("Executor {} did not subscribe in time", run.executorId());
    failTasks(run, TaskState.TASK_FAILED, TaskStatus.Reason.REASON_EXECUTOR_REGISTRATION_TIMEOUT,
        "Executor did not register within " + master.settings.executorRegistrationTimeout());
    run.state = ExecutorRun.State.TERMINATING;
    ExecutorLauncher.destroy(run);
  }

  /** The executor process (or stub) ended with this raw wait status. */
  void executorExited(ExecutorRun run, int waitStatus) {
    if (run.state == ExecutorRun.State.TERMINATED) {
      return;
    }
    LOG.info("Executor {} on agent {} exited with wait status {}", run.executorId(), id, waitStatus);
    run.state = ExecutorRun.State.TERMINATING;
    if (run.shuttingDown) {
      failTasks(run, TaskState.TASK_LOST, TaskStatus.Reason.REASON_EXECUTOR_TERMINATED,
          "Executor was shut down before its tasks ended");
    } else {
      failTasks(run, TaskState.TASK_FAILED, TaskStatus.Reason.REASON_EXECUTOR_TERMINATED,
          "Executor terminated with wait status " + waitStatus);
    }
    run.state = ExecutorRun.State.TERMINATED;
    if (run.stream != null) {
      run.stream.close();
      run.stream = null;
    }
    if (run.registrationTimer != null) {
      run.registrationTimer.cancel(false);
    }
    executors.remove(run.key(), run);
    master.executorTerminated(this, run.frameworkId, run.executorId(), waitStatus);
  }

  private void failTasks(ExecutorRun run, TaskState state, TaskStatus.Reason reason, String message) {
    run.queued.clear();
    for (String taskId : new ArrayList<>(run.tasks)) {
      AgentTask t = tasks.get(MasterTask.key(run.frameworkId, taskId));
      if (t != null && !t.terminal()) {
        update(t, Statuses.agent(taskId, id, run.executorId(), state, reason, message));
      }
    }
  }

  List<ExecutorProcessView> processes() {
    List<ExecutorProcessView> out = new ArrayList<>();
    for (ExecutorRun run : executors.values()) {
      if (run.process != null && run.process.isAlive()) {
        out.add(new ExecutorProcessView(id, run.frameworkId, run.executorId(), run.process.pid()));
      }
    }
    return out;
  }
}
