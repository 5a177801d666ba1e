package io.berth.scheduler.testing.mesos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the emulated Mesos masters (what the replicated registry plus re-registering agents
 * give a new leader) and the leader's behaviour: subscriptions, heartbeats, calls, status update
 * relay, agent loss and master failover. One lock, this object's monitor, guards every master and
 * agent structure; nothing under it waits on a socket or a process.
 */
final class Master {

  private static final Logger LOG = LoggerFactory.getLogger(Master.class);
  static final int MAX_COMPLETED_TASKS = 10_000;

  record Offer(String id, String frameworkId, String agentId, Res resources) {}

  final Settings settings;
  final ScheduledExecutorService timer;
  final String clusterId = UUID.randomUUID().toString();
  final List<String> masterIds = new ArrayList<>();
  final List<Integer> masterPorts = new ArrayList<>();
  int leader;
  boolean noLeader;
  volatile boolean heartbeatsStopped;
  final Map<String, Framework> frameworks = new LinkedHashMap<>();
  final Set<String> removedFrameworks = new HashSet<>();
  final Map<String, Offer> offers = new LinkedHashMap<>();
  final List<Agent> agents = new ArrayList<>();
  final Map<String, Agent> agentsById = new HashMap<>();
  /** Active tasks by {@link MasterTask#key}; removed when their terminal update is acknowledged. */
  final Map<String, MasterTask> tasks = new LinkedHashMap<>();
  final Deque<MasterTask> completed = new ArrayDeque<>();
  /** Executors the master launched: agent id, then framework id + "\n" + executor id. */
  final Map<String, Map<String, ExecutorInfo>> executors = new HashMap<>();
  /** Every call, in arrival order; appended often (a benchmark makes tens of thousands), copied rarely. */
  final java.util.Queue<CallRecord> calls = new java.util.concurrent.ConcurrentLinkedQueue<>();
  final AtomicInteger subscriptions = new AtomicInteger();
  final Offers allocator = new Offers(this);
  private int frameworkSeq;
  long offerSeq;

  Master(Settings settings, ScheduledExecutorService timer) {
    this.settings = settings;
    this.timer = timer;
    for (int i = 0; i < settings.masters(); i++) {
      masterIds.add(UUID.randomUUID().toString());
    }
  }

  String leaderMasterId() {
    return masterIds.get(leader);
  }

  MasterInfo masterInfo() {
    int port = masterPorts.get(leader);
    return MasterInfo.newBuilder().setId(leaderMasterId()).setIp(0x0100007f).setPort(port)
        .setPid("master@127.0.0.1:" + port).setHostname("127.0.0.1").setVersion("1.11.0")
        .setAddress(Address.newBuilder().setHostname("127.0.0.1").setIp("127.0.0.1").setPort(port)).build();
  }

  static Event event(Event.Type type) {
    return Event.newBuilder().setType(type).build();
  }

  static Event error(String message) {
    return Event.newBuilder().setType(Event.Type.ERROR)
        .setError(Event.Error.newBuilder().setMessage(message)).build();
  }

  void send(Framework fw, Event event) {
    if (fw != null && fw.stream != null) {
      fw.stream.send(event);
    }
  }

  void sendUpdate(Framework fw, TaskStatus status) {
    send(fw, Event.newBuilder().setType(Event.Type.UPDATE)
        .setUpdate(Event.Update.newBuilder().setStatus(status)).build());
  }

  // ---- subscription ------------------------------------------------------------------------

  /** A SUBSCRIBE that passed the HTTP checks: the stream gets SUBSCRIBED, or ERROR and the end. */
  synchronized void subscribe(EventStream stream, Call.Subscribe subscribe) {
    subscriptions.incrementAndGet();
    FrameworkInfo info = subscribe.getFrameworkInfo();
    String id = info.hasId() ? info.getId().getValue() : null;
    Framework existing = id == null ? null : frameworks.get(id);
    String error = FrameworkValidation.validate(info, subscribe.getSuppressedRolesList());
    if (error == null && id != null && removedFrameworks.contains(id)) {
      error = "Framework has been removed";
    }
    if (error == null && existing != null && !existing.info.getPrincipal().equals(info.getPrincipal())) {
      error = "Changing framework's principal is not allowed.";
    }
    if (error != null) {
      LOG.info("SUBSCRIBE refused on the stream: {}", error);
      stream.send(error(error));
      stream.close();
      return;
    }
    if (id == null) {
      id = leaderMasterId() + "-" + String.format("%04d", frameworkSeq++);
    }
    Framework fw = existing;
    FrameworkInfo withId = info.toBuilder().setId(FrameworkID.newBuilder().setValue(id)).build();
    if (fw == null) {
      fw = new Framework(id, withId);
      frameworks.put(id, fw);
    } else {
      if (fw.stream != null) {
        fw.stream.send(error("Framework failed over"));
        fw.stream.close();
        fw.heartbeat.cancel(false);
      }
      if (fw.failoverTimer != null) {
        fw.failoverTimer.cancel(false);
        fw.failoverTimer = null;
      }
      // user and checkpoint cannot change on a resubscribe: Mesos keeps the old values silently
      fw.info = withId.toBuilder().setUser(fw.info.getUser()).setCheckpoint(fw.info.getCheckpoint()).build();
      allocator.removeOffersOf(fw, false);
    }
    fw.suppressedRoles.clear();
    fw.suppressedRoles.addAll(subscribe.getSuppressedRolesList());
    fw.stream = stream;
    LOG.info("Framework {} ({}) subscribed, stream {}", id, info.getName(), stream.id);
    double interval = settings.heartbeatInterval().toMillis() / 1000.0;
    stream.send(Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
        .setFrameworkId(FrameworkID.newBuilder().setValue(id)).setHeartbeatIntervalSeconds(interval)
        .setMasterInfo(masterInfo())).build());
    Event heartbeat = event(Event.Type.HEARTBEAT);
    if (!heartbeatsStopped) {
      stream.send(heartbeat);
    }
    long ms = settings.heartbeatInterval().toMillis();
    fw.heartbeat = timer.scheduleAtFixedRate(() -> {
      if (!heartbeatsStopped) {
        stream.send(heartbeat);
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** The scheduler's connection broke (seen when writing to it). */
  synchronized void streamBroken(EventStream stream) {
    for (Framework fw : frameworks.values()) {
      if (fw.stream == stream) {
        LOG.info("Framework {} disconnected", fw.id);
        disconnect(fw, true);
      }
    }
  }

  /** Marks the framework disconnected: its events are dropped from now on, its offers void. */
  void disconnect(Framework fw, boolean startFailoverTimer) {
    fw.stream = null;
    if (fw.heartbeat != null) {
      fw.heartbeat.cancel(false);
    }
    allocator.removeOffersOf(fw, false);
    if (startFailoverTimer) {
      long ms = (long) (fw.info.getFailoverTimeout() * 1000);
      fw.failoverTimer = timer.schedule(() -> {
        synchronized (this) {
          if (!fw.connected() && frameworks.get(fw.id) == fw) {
            LOG.info("Framework {} did not come back within its failover timeout", fw.id);
            removeFramework(fw);
          }
        }
      }, Math.max(0, ms), TimeUnit.MILLISECONDS);
    }
  }

  /** TEARDOWN or failover timeout: kill every task, close the stream, forget the framework. */
  void removeFramework(Framework fw) {
    frameworks.remove(fw.id);
    removedFrameworks.add(fw.id);
    if (fw.stream != null) {
      fw.stream.close();
      fw.heartbeat.cancel(false);
      fw.stream = null;
    }
    allocator.removeOffersOf(fw, false);
    for (MasterTask t : new ArrayList<>(tasks.values())) {
      if (t.frameworkId.equals(fw.id)) {
        t.state = TaskState.TASK_KILLED;
        removeTask(t);
      }
    }
    for (Agent a : agents) {
      a.shutdownFramework(fw.id);
    }
  }

  void removeTask(MasterTask t) {
    tasks.remove(MasterTask.key(t.frameworkId, t.taskId()));
    completed.addLast(t);
    while (completed.size() > MAX_COMPLETED_TASKS) {
      completed.removeFirst();
    }
  }

  // ---- calls -------------------------------------------------------------------------------

  /** A non-SUBSCRIBE call that passed validation; returns the HTTP status. */
  synchronized int call(Call call, String streamId) throws Wire.Rejection {
    Framework fw = frameworks.get(call.getFrameworkId().getValue());
    if (fw == null) {
      throw new Wire.Rejection(400, "Framework cannot be found");
    }
    if (!fw.connected()) {
      throw new Wire.Rejection(403, "Framework is not subscribed");
    }
    if (streamId == null) {
      throw new Wire.Rejection(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    }
    if (!streamId.equals(fw.stream.id)) {
      throw new Wire.Rejection(400, "The stream ID '" + streamId + "' included in this request didn't match"
          + " the stream ID currently associated with framework ID " + fw.id);
    }
    switch (call.getType()) {
      case TEARDOWN -> removeFramework(fw);
      case ACCEPT -> allocator.accept(fw, call.getAccept());
      case DECLINE -> allocator.decline(fw, call.getDecline().getOfferIdsList(), call.getDecline().getFilters());
      case REVIVE -> allocator.revive(fw, call.getRevive().getRolesList());
      case SUPPRESS -> allocator.suppress(fw, call.getSuppress().getRolesList());
      case KILL -> kill(fw, call.getKill());
      case SHUTDOWN -> {
        Agent a = agentsById.get(call.getShutdown().getAgentId().getValue());
        if (a != null && a.reachable()) {
          a.shutdownExecutor(fw.id, call.getShutdown().getExecutorId().getValue());
        }
      }
      case ACKNOWLEDGE -> acknowledge(fw, call.getAcknowledge());
      case RECONCILE -> new Reconciliation(this, fw).reconcile(call.getReconcile().getTasksList());
      case MESSAGE -> {
        Agent a = agentsById.get(call.getMessage().getAgentId().getValue());
        if (a != null && a.reachable()) {
          a.message(fw.id, call.getMessage().getExecutorId().getValue(), call.getMessage().getData());
        }
      }
      case UPDATE_FRAMEWORK -> {
        FrameworkInfo info = call.getUpdateFramework().getFrameworkInfo();
        String error = FrameworkValidation.validate(info, call.getUpdateFramework().getSuppressedRolesList());
        if (error != null) {
          throw new Wire.Rejection(400, error);
        }
        fw.info = info.toBuilder().setUser(fw.info.getUser()).setCheckpoint(fw.info.getCheckpoint()).build();
        fw.suppressedRoles.clear();
        fw.suppressedRoles.addAll(call.getUpdateFramework().getSuppressedRolesList());
        return 200;
      }
      case UNKNOWN -> throw new Wire.Rejection(501, "");
      default -> LOG.debug("{} from {} ignored by the emulator", call.getType(), fw.id);
    }
    return 202;
  }

  private void kill(Framework fw, Call.Kill kill) {
    String taskId = kill.getTaskId().getValue();
    MasterTask t = tasks.get(MasterTask.key(fw.id, taskId));
    Agent a = t == null ? null : agentsById.get(t.agentId);
    if (t == null || t.unreachableSince != null || a == null || !a.reachable()) {
      LOG.info("KILL of unknown task {}: reconciling it", taskId);
      Call.Reconcile.Task.Builder r = Call.Reconcile.Task.newBuilder().setTaskId(kill.getTaskId());
      if (kill.hasAgentId()) {
        r.setAgentId(kill.getAgentId());
      } else if (t != null) {
        r.setAgentId(t.info.getAgentId());
      }
      new Reconciliation(this, fw).reconcile(List.of(r.build()));
      return;
    }
    if (!t.terminal()) {
      a.killTask(fw.id, taskId, kill.hasKillPolicy() ? kill.getKillPolicy() : null);
    }
  }

  private void acknowledge(Framework fw, Call.Acknowledge ack) {
    String taskId = ack.getTaskId().getValue();
    Agent a = agentsById.get(ack.getAgentId().getValue());
    if (a == null || !a.reachable()) {
      LOG.info("ACKNOWLEDGE for {} dropped: agent {} is not registered", taskId, ack.getAgentId().getValue());
      return;
    }
    MasterTask t = tasks.get(MasterTask.key(fw.id, taskId));
    if (t != null && t.terminal() && t.latest != null && t.latest.getUuid().equals(ack.getUuid())) {
      removeTask(t);
    }
    a.acknowledge(fw.id, taskId, ack.getUuid());
  }

  // ---- from the agents ---------------------------------------------------------------------

  /** An agent's status update manager forwards the front update of a task's stream. */
  synchronized void statusUpdate(Agent agent, String frameworkId, TaskStatus status) {
    MasterTask t = tasks.get(MasterTask.key(frameworkId, status.getTaskId().getValue()));
    if (t != null) {
      t.state = status.getState();
      t.latest = status;
      t.unreachableSince = null;
    }
    Framework fw = frameworks.get(frameworkId);
    if (fw == null || !fw.connected()) {
      LOG.debug("Update {} of {} dropped: framework {} not connected", status.getState(),
          status.getTaskId().getValue(), frameworkId);
      return;
    }
    sendUpdate(fw, status);
  }

  /** An executor ended; {@code waitStatus} null when it never ran (no FAILURE event then). */
  synchronized void executorTerminated(Agent agent, String frameworkId, String executorId, Integer waitStatus) {
    Map<String, ExecutorInfo> onAgent = executors.get(agent.id);
    String key = ExecutorRun.key(frameworkId, executorId);
    if (onAgent != null && !agent.executors.containsKey(key)) { // not if a new run of that id started
      onAgent.remove(key);
    }
    if (waitStatus != null && agent.reachable()) {
      send(frameworks.get(frameworkId), Event.newBuilder().setType(Event.Type.FAILURE)
          .setFailure(Event.Failure.newBuilder().setAgentId(AgentID.newBuilder().setValue(agent.id))
              .setExecutorId(ExecutorID.newBuilder().setValue(executorId)).setStatus(waitStatus)).build());
    }
  }

  synchronized void executorMessage(Agent agent, ExecutorRun run, com.google.protobuf.ByteString data) {
    send(frameworks.get(run.frameworkId), Event.newBuilder().setType(Event.Type.MESSAGE)
        .setMessage(Event.Message.newBuilder().setAgentId(AgentID.newBuilder().setValue(agent.id))
            .setExecutorId(ExecutorID.newBuilder().setValue(run.executorId())).setData(data)).build());
  }

  synchronized List<TaskView> tasks() {
    List<TaskView> out = new ArrayList<>();
    for (MasterTask t : completed) {
      out.add(view(t));
    }
    for (MasterTask t : tasks.values()) {
      out.add(view(t));
    }
    return out;
  }

  private static TaskView view(MasterTask t) {
    return new TaskView(t.frameworkId, t.taskId(), t.agentId, t.executorId, t.state.name());
  }
}
