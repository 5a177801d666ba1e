package io.berth.scheduler.testing.mesos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.URL;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocator and the offer calls: periodic offers of each agent's free resources to each
 * subscribed framework, refusal filters, DECLINE, SUPPRESS/REVIVE and ACCEPT with LAUNCH
 * (validated as the master does). Runs under the master's lock.
 */
final class Offers {

  private static final Logger LOG = LoggerFactory.getLogger(Offers.class);
  static final double DEFAULT_REFUSE_SECONDS = 5.0;

  private final Master m;

  Offers(Master master) {
    this.m = master;
  }

  /** One allocation cycle: every framework gets one OFFERS event with its offers, if any. */
  void allocate() {
    synchronized (m) {
      if (m.noLeader) {
        return;
      }
      Instant now = Instant.now();
      Map<String, Res> free = freeResources();
      for (Framework fw : m.frameworks.values()) {
        String role = fw.offerRole();
        if (!fw.connected() || role == null) {
          continue;
        }
        Event.Offers.Builder batch = Event.Offers.newBuilder();
        for (Agent a : m.agents) {
          Res available = free.get(a.id);
          if (!a.reachable() || !available.allocatable() || filtered(fw, a, available, now)) {
            continue;
          }
          Master.Offer offer = new Master.Offer(m.leaderMasterId() + "-O" + m.offerSeq++, fw.id, a.id, available);
          m.offers.put(offer.id(), offer);
          free.put(a.id, Res.EMPTY);
          batch.addOffers(toProto(offer, a, role));
        }
        if (batch.getOffersCount() > 0) {
          LOG.debug("{} offers to framework {}", batch.getOffersCount(), fw.id);
          m.send(fw, Event.newBuilder().setType(Event.Type.OFFERS).setOffers(batch).build());
        }
      }
    }
  }

  private static boolean filtered(Framework fw, Agent a, Res available, Instant now) {
    Framework.Filter f = fw.filters.get(a.id);
    if (f == null) {
      return false;
    }
    if (!f.until().isAfter(now)) {
      fw.filters.remove(a.id);
      return false;
    }
    return f.refused().contains(available);
  }

  /** Per agent: its total minus what active tasks, live executors and outstanding offers hold. */
  Map<String, Res> freeResources() {
    Map<String, Res> used = new HashMap<>();
    for (MasterTask t : m.tasks.values()) {
      if (!t.terminal() && t.state != TaskState.TASK_LOST) {
        used.merge(t.agentId, t.resources, Res::plus);
      }
    }
    m.executors.forEach((agentId, execs) -> execs.values().forEach(e ->
        used.merge(agentId, Res.from(e.getResourcesList(), new ArrayList<>()), Res::plus)));
    for (Master.Offer o : m.offers.values()) {
      used.merge(o.agentId(), o.resources(), Res::plus);
    }
    Map<String, Res> free = new HashMap<>();
    for (Agent a : m.agents) {
      free.put(a.id, a.total.minus(used.getOrDefault(a.id, Res.EMPTY)));
    }
    return free;
  }

  private Offer toProto(Master.Offer offer, Agent a, String role) {
    Offer.Builder b = Offer.newBuilder().setId(OfferID.newBuilder().setValue(offer.id()))
        .setFrameworkId(FrameworkID.newBuilder().setValue(offer.frameworkId()))
        .setAgentId(AgentID.newBuilder().setValue(a.id)).setHostname(a.hostname)
        .setUrl(URL.newBuilder().setScheme("http").setPath("/slave(1)").setAddress(
            org.apache.mesos.v1.Protos.Address.newBuilder().setHostname(a.hostname).setIp("127.0.0.1")
                .setPort(a.port())))
        .addAllResources(offer.resources().toProto(role))
        .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(role));
    a.attributes.forEach((k, v) -> b.addAttributes(Attribute.newBuilder().setName(k).setType(Value.Type.TEXT)
        .setText(Value.Text.newBuilder().setValue(v))));
    m.executors.getOrDefault(a.id, Map.of()).keySet().stream()
        .filter(k -> k.startsWith(offer.frameworkId() + "\n"))
        .forEach(k -> b.addExecutorIds(ExecutorID.newBuilder().setValue(k.substring(k.indexOf('\n') + 1))));
    return b.build();
  }

  void removeOffersOf(Framework fw, boolean rescind) {
    m.offers.values().removeIf(o -> {
      if (!o.frameworkId().equals(fw.id)) {
        return false;
      }
      if (rescind) {
        m.send(fw, rescind(o.id()));
      }
      return true;
    });
  }

  void rescindOffersOn(Agent a) {
    m.offers.values().removeIf(o -> {
      if (!o.agentId().equals(a.id)) {
        return false;
      }
      m.send(m.frameworks.get(o.frameworkId()), rescind(o.id()));
      return true;
    });
  }

  private static Event rescind(String offerId) {
    return Event.newBuilder().setType(Event.Type.RESCIND)
        .setRescind(Event.Rescind.newBuilder().setOfferId(OfferID.newBuilder().setValue(offerId))).build();
  }

  void decline(Framework fw, List<OfferID> ids, Filters filters) {
    for (OfferID id : ids) {
      Master.Offer o = m.offers.get(id.getValue());
      if (o != null && o.frameworkId().equals(fw.id)) {
        m.offers.remove(o.id());
        refuse(fw, o.agentId(), o.resources(), filters);
      }
    }
  }

  private static void refuse(Framework fw, String agentId, Res resources, Filters filters) {
    double seconds = filters.hasRefuseSeconds() ? filters.getRefuseSeconds() : DEFAULT_REFUSE_SECONDS;
    seconds = Math.min(seconds, 365 * 24 * 3600.0);
    if (seconds > 0 && !resources.isEmpty()) {
      fw.filters.put(agentId, new Framework.Filter(resources, Instant.now().plusMillis((long) (seconds * 1000))));
    }
  }

  void revive(Framework fw, List<String> roles) {
    if (roles.isEmpty()) {
      fw.suppressedRoles.clear();
    } else {
      fw.suppressedRoles.removeAll(roles);
    }
    fw.filters.clear();
  }

  void suppress(Framework fw, List<String> roles) {
    fw.suppressedRoles.addAll(roles.isEmpty() ? fw.roles() : roles);
  }

  void accept(Framework fw, Call.Accept accept) {
    List<Master.Offer> used = new ArrayList<>();
    String invalid = null;
    for (OfferID id : accept.getOfferIdsList()) {
      Master.Offer o = m.offers.get(id.getValue());
      if (o == null || !o.frameworkId().equals(fw.id)) {
        invalid = "Offer " + id.getValue() + " is no longer valid";
      } else {
        used.add(o);
      }
    }
    if (invalid == null && used.isEmpty()) {
      invalid = "No offers given";
    }
    if (invalid == null && used.stream().map(Master.Offer::agentId).distinct().count() > 1) {
      invalid = "Aggregated offers must belong to one single agent";
    }
    used.forEach(o -> m.offers.remove(o.id()));
    if (invalid != null) {
      LOG.info("ACCEPT from {} with invalid offers: {}", fw.id, invalid);
      TaskState state = fw.partitionAware() ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
      for (TaskInfo task : launchedTasks(accept)) {
        m.sendUpdate(fw, Statuses.master(task.getTaskId().getValue(), task.getAgentId().getValue(), state,
            TaskStatus.Reason.REASON_INVALID_OFFERS, invalid).build());
      }
      return;
    }
    Agent agent = m.agentsById.get(used.get(0).agentId());
    Res pool = Res.EMPTY;
    for (Master.Offer o : used) {
      pool = pool.plus(o.resources());
    }
    Set<String> launched = new HashSet<>();
    for (Offer.Operation op : accept.getOperationsList()) {
      if (op.getType() == Offer.Operation.Type.LAUNCH) {
        for (TaskInfo task : op.getLaunch().getTaskInfosList()) {
          pool = launch(fw, agent, task, pool, launched);
        }
      } else if (op.getType() == Offer.Operation.Type.LAUNCH_GROUP) {
        for (TaskInfo task : op.getLaunchGroup().getTaskGroup().getTasksList()) {
          error(fw, task, "LAUNCH_GROUP is not supported by the emulator");
        }
      } else {
        LOG.info("Operation {} from {} ignored: the emulator has no reservations or volumes", op.getType(), fw.id);
      }
    }
    refuse(fw, agent.id, pool, accept.getFilters());
  }

  private static List<TaskInfo> launchedTasks(Call.Accept accept) {
    List<TaskInfo> out = new ArrayList<>();
    for (Offer.Operation op : accept.getOperationsList()) {
      out.addAll(op.getLaunch().getTaskInfosList());
      out.addAll(op.getLaunchGroup().getTaskGroup().getTasksList());
    }
    return out;
  }

  /** Validates and launches one task; returns what is left of the pool. */
  private Res launch(Framework fw, Agent agent, TaskInfo task, Res pool, Set<String> launched) {
    String taskId = task.getTaskId().getValue();
    if (taskId.isEmpty()) {
      return error(fw, task, "Task ID must not be empty", pool);
    }
    MasterTask existing = m.tasks.get(MasterTask.key(fw.id, taskId));
    if (launched.contains(taskId) || (existing != null && !existing.terminal())) {
      return error(fw, task, "Task has duplicate ID: " + taskId, pool);
    }
    if (!task.getAgentId().getValue().equals(agent.id)) {
      return error(fw, task, "Task uses agent " + task.getAgentId().getValue()
          + " but the offers are for agent " + agent.id, pool);
    }
    if (task.hasExecutor() == task.hasCommand()) {
      return error(fw, task, "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present",
          pool);
    }
    List<String> unknown = new ArrayList<>();
    Res need = Res.from(task.getResourcesList(), unknown);
    ExecutorInfo executor = null;
    boolean newExecutor = false;
    if (task.hasExecutor()) {
      if (task.getExecutor().hasFrameworkId() && !task.getExecutor().getFrameworkId().getValue().equals(fw.id)) {
        return error(fw, task, "ExecutorInfo has an invalid FrameworkID", pool);
      }
      executor = task.getExecutor().toBuilder().setFrameworkId(FrameworkID.newBuilder().setValue(fw.id)).build();
      String key = fw.id + "\n" + executor.getExecutorId().getValue();
      ExecutorInfo running = m.executors.getOrDefault(agent.id, Map.of()).get(key);
      if (running != null && !running.equals(executor)) {
        return error(fw, task, "ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID "
            + executor.getExecutorId().getValue(), pool);
      }
      newExecutor = running == null;
      if (newExecutor) {
        need = need.plus(Res.from(executor.getResourcesList(), unknown));
      }
    }
    if (!unknown.isEmpty()) {
      return error(fw, task, "Task uses resources the agent does not offer: " + unknown, pool);
    }
    if (!pool.contains(need)) {
      return error(fw, task, "Total resources " + need + " required by task and its executor is more than"
          + " available " + pool, pool);
    }
    if (newExecutor) {
      m.executors.computeIfAbsent(agent.id, k -> new HashMap<>())
          .put(fw.id + "\n" + executor.getExecutorId().getValue(), executor);
    }
    TaskInfo normalized = executor == null ? task : task.toBuilder().setExecutor(executor).build();
    MasterTask t = new MasterTask(fw.id, normalized,
        executor == null ? null : executor.getExecutorId().getValue(), Res.from(task.getResourcesList(), unknown));
    if (existing != null) {
      m.removeTask(existing);
    }
    m.tasks.put(MasterTask.key(fw.id, taskId), t);
    launched.add(taskId);
    LOG.info("Launching task {} of framework {} on agent {}", taskId, fw.id, agent.id);
    agent.runTask(fw.info, normalized);
    return pool.minus(need);
  }

  private Res error(Framework fw, TaskInfo task, String message, Res pool) {
    error(fw, task, message);
    return pool;
  }

  private void error(Framework fw, TaskInfo task, String message) {
    LOG.info("Task {} of framework {} is invalid: {}", task.getTaskId().getValue(), fw.id, message);
    m.sendUpdate(fw, Statuses.master(task.getTaskId().getValue(), task.getAgentId().getValue(),
        TaskState.TASK_ERROR, TaskStatus.Reason.REASON_TASK_INVALID, message).build());
  }
}
