package io.berth.executor.mesos;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.mesos.ExecutorAction.Exit;
import io.berth.executor.mesos.ExecutorAction.KillPod;
import io.berth.executor.mesos.ExecutorAction.LaunchPod;
import io.berth.executor.mesos.ExecutorAction.ReapOrphans;
import io.berth.executor.mesos.ExecutorAction.Resubscribe;
import io.berth.executor.mesos.ExecutorAction.SendUpdate;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Mesos v1 HTTP executor: subscribes to the agent, runs each LAUNCHed task as a pod, reports
 * its states as UPDATE calls until ACKNOWLEDGED, kills on KILL and SHUTDOWN, and reconnects when
 * the agent restarts. Decisions come from {@link ExecutorState}; every touch of it happens on one
 * loop thread. Pods launch and stop on worker threads. After the first SUBSCRIBED, and then every
 * {@link ExecutorEnvironment#reapInterval()}, a reaper thread removes the pods of dead executors on
 * this agent ({@link Pods#reapOrphans}); launches wait for the first reap.
 */
public final class MesosExecutor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MesosExecutor.class);
  public static final Duration DEFAULT_UPDATE_RETRY = Duration.ofSeconds(10);

  private final ExecutorEnvironment env;
  private final Clock clock;
  private final Duration updateRetry;
  private final ExecutorState state;
  private final ExecutorCalls calls;
  private final AgentClient agent;
  private final Pods pods;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(daemon("berth-executor-loop"));
  private final ExecutorService streams = Executors.newSingleThreadExecutor(daemon("berth-executor-stream"));
  /** One sender, so that the agent gets a task's updates in the order they were made. */
  private final ExecutorService senders = Executors.newSingleThreadExecutor(daemon("berth-executor-updates"));
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("berth-executor-pod"));
  private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(daemon("berth-executor-reaper"));
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private volatile AgentClient.EventStream current;
  /** The agent's id: MESOS_SLAVE_ID, replaced by the one SUBSCRIBED names. */
  private volatile String agentId;
  private boolean toldAgentIdUnknown;
  private int generation;

  public MesosExecutor(ExecutorEnvironment env, Function<PodListener, Pods> pods, Clock clock, Duration updateRetry) {
    this.env = env;
    this.clock = clock;
    this.updateRetry = updateRetry;
    this.state = new ExecutorState(env.executorId(), env.checkpoint(), env.recoveryTimeout(),
        env.shutdownGracePeriod(), updateRetry);
    this.calls = new ExecutorCalls(env.frameworkId(), env.executorId());
    this.agent = new AgentClient(env.executorApi(), env.encoding(), env.authToken());
    this.pods = pods.apply(new Listener());
    this.agentId = env.agentId();
  }

  /** The executor on the local Docker engine. */
  public static MesosExecutor onDocker(ExecutorEnvironment env) {
    return new MesosExecutor(env, listener -> PodRunnerPods.onDocker(listener, env.frameworkId(), env.executorId()),
        Clock.systemUTC(), DEFAULT_UPDATE_RETRY);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Subscribes and returns; {@link #exitCode()} completes when the executor is done. */
  public MesosExecutor start() {
    LOG.info("Executor {} of framework {} subscribing to {} ({}, checkpoint {})", env.executorId(),
        env.frameworkId(), env.executorApi(), env.encoding(), env.checkpoint());
    long tick = Math.max(10, Math.min(1000, updateRetry.toMillis() / 2));
    loop.scheduleWithFixedDelay(guarded(() -> apply(state.tick(clock.instant()))), tick, tick, TimeUnit.MILLISECONDS);
    onLoop(this::connect);
    return this;
  }

  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  private void connect() {
    if (exit.isDone()) {
      return;
    }
    int gen = ++generation;
    ExecutorAction.Subscription s = state.subscribe(clock.instant());
    LOG.info("SUBSCRIBE with {} unacknowledged tasks and {} unacknowledged updates",
        s.unacknowledgedTasks().size(), s.unacknowledgedUpdates().size());
    var call = calls.subscribe(s);
    streams.execute(() -> readStream(gen, call));
  }

  private void readStream(int gen, Call subscribe) {
    boolean opened = false;
    try (AgentClient.EventStream events = agent.subscribe(subscribe)) {
      opened = true;
      current = events;
      Event event;
      while ((event = events.next()) != null) {
        Event e = event;
        onLoop(() -> onEvent(gen, e));
        if (e.getType() == Event.Type.ERROR) {
          break;
        }
      }
      if (!exit.isDone()) {
        LOG.warn("The agent closed the event stream");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      if (!exit.isDone()) {
        LOG.warn(opened ? "Event stream from the agent broke: {}" : "SUBSCRIBE failed: {}", e.toString());
      }
    }
    onLoop(() -> {
      if (gen == generation) {
        apply(state.onConnectionLost(clock.instant()));
      }
    });
  }

  private void onEvent(int gen, Event e) {
    if (gen != generation) {
      return;
    }
    switch (e.getType()) {
      case SUBSCRIBED -> {
        var agentInfo = e.getSubscribed().getAgentInfo();
        if (agentInfo.hasId() && !agentInfo.getId().getValue().isEmpty()) {
          agentId = agentInfo.getId().getValue();
        }
        LOG.info("Subscribed to agent {} ({})", agentInfo.getHostname(), agentId);
        apply(state.onSubscribed());
      }
      case LAUNCH -> apply(state.onLaunch(e.getLaunch().getTask()));
      case LAUNCH_GROUP -> e.getLaunchGroup().getTaskGroup().getTasksList().forEach(t -> apply(state.onLaunch(t)));
      case KILL -> {
        LOG.info("KILL {}", e.getKill().getTaskId().getValue());
        apply(state.onKill(e.getKill().getTaskId().getValue(), e.getKill().hasKillPolicy() ? e.getKill().getKillPolicy() : null));
      }
      case ACKNOWLEDGED -> apply(state.onAcknowledged(e.getAcknowledged().getTaskId().getValue(),
          e.getAcknowledged().getUuid()));
      case SHUTDOWN -> {
        LOG.info("SHUTDOWN: killing every task within {}", env.shutdownGracePeriod());
        apply(state.onShutdown(clock.instant()));
      }
      case MESSAGE -> LOG.info("MESSAGE of {} bytes from the scheduler (ignored)", e.getMessage().getData().size());
      case ERROR -> LOG.warn("ERROR from the agent: {}; subscribing again", e.getError().getMessage());
      default -> LOG.debug("Event {}", e.getType());
    }
  }

  private void apply(List<ExecutorAction> actions) {
    for (ExecutorAction a : actions) {
      if (a instanceof SendUpdate u) {
        sendUpdate(u);
      } else if (a instanceof LaunchPod l) {
        workers.execute(() -> launch(l.task()));
      } else if (a instanceof KillPod k) {
        workers.execute(() -> kill(k));
      } else if (a instanceof ReapOrphans) {
        startReaping();
      } else if (a instanceof Resubscribe) {
        long delay = ThreadLocalRandom.current().nextLong(env.subscriptionBackoffMax().toMillis() + 1);
        LOG.info("Subscribing again in {} ms", delay);
        loop.schedule(guarded(this::connect), delay, TimeUnit.MILLISECONDS);
      } else if (a instanceof Exit x) {
        finish(x);
      }
    }
  }

  /** The first reap now, then one every reap interval; launches wait for the first one to end. */
  private void startReaping() {
    reaper.execute(() -> {
      try {
        reapOrphans();
      } finally {
        onLoop(() -> apply(state.onOrphansReaped()));
      }
    });
    long ms = env.reapInterval().toMillis();
    reaper.scheduleWithFixedDelay(this::reapOrphans, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** One reap; whatever goes wrong is logged, and the executor carries on. */
  private void reapOrphans() {
    String agent = agentId;
    if (agent == null) {
      if (!toldAgentIdUnknown) {
        toldAgentIdUnknown = true;
        LOG.warn("The agent's id is unknown (no MESOS_SLAVE_ID, none in SUBSCRIBED): orphaned pods are not looked for");
      }
      return;
    }
    try {
      pods.reapOrphans(agent);
    } catch (RuntimeException e) {
      LOG.warn("Looking for orphaned pods on agent {} failed: {}", agent, e.toString());
    }
  }

  private void sendUpdate(SendUpdate u) {
    String taskId = u.status().getTaskId().getValue();
    MDC.put("taskId", taskId);
    try {
      LOG.info("UPDATE {} {} ({}): {}", taskId, u.status().getState(), ExecutorCalls.show(u.status().getUuid()),
          u.status().getMessage());
    } finally {
      MDC.remove("taskId");
    }
    var call = calls.update(u.status());
    senders.execute(() -> {
      String problem;
      try {
        var response = agent.send(call);
        problem = response.statusCode() == 202 ? null : response.statusCode() + " " + response.body().trim();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        problem = e.toString();
      }
      if (problem != null) {
        LOG.warn("UPDATE {} {} not accepted ({}); it stays unacknowledged and is sent again", taskId,
            u.status().getState(), problem);
      }
    });
  }

  private void launch(TaskInfo task) {
    String taskId = task.getTaskId().getValue();
    MDC.put("taskId", taskId);
    try {
      TaskPayload payload = onThisAgent(TaskPayloadReader.read(task));
      LOG.info("Launching pod of {}", taskId);
      pods.launch(payload);
    } catch (RuntimeException e) {
      LOG.warn("Task {} cannot run: {}", taskId, e.getMessage());
      report(taskId, TaskState.TASK_FAILED, e.getMessage(), null);
    } finally {
      MDC.remove("taskId");
    }
  }

  /**
   * The payload with this agent's id: the pod's {@code berth.agent-id} label must name the agent whose
   * executors look for its orphans.
   */
  private TaskPayload onThisAgent(TaskPayload p) {
    String agent = agentId;
    if (agent == null || agent.equals(p.agentId())) {
      return p;
    }
    if (p.agentId() != null) {
      LOG.warn("Task {} was sent for agent {} but runs on agent {}; its pod is labelled with {}", p.taskId(),
          p.agentId(), agent, agent);
    }
    return new TaskPayload(p.taskId(), p.app(), p.host(), agent, p.hostPorts(), p.fluentdHostPort(), p.helpers(),
        p.defaultImage());
  }

  private void kill(KillPod k) {
    MDC.put("taskId", k.taskId());
    try {
      LOG.info("Killing pod of {} (grace {})", k.taskId(), k.grace() == null ? "of the task" : k.grace());
      pods.kill(k.taskId(), k.grace(), state.shuttingDown() ? "killed: the executor shuts down" : "killed on request");
    } catch (RuntimeException e) {
      LOG.warn("Killing {} failed: {}", k.taskId(), e.getMessage());
      report(k.taskId(), TaskState.TASK_FAILED, "kill failed: " + e.getMessage(), null);
    } finally {
      MDC.remove("taskId");
    }
  }

  private void report(String taskId, TaskState taskState, String message, Boolean healthy) {
    onLoop(() -> apply(state.onPodStatus(taskId, taskState, message, healthy, ExecutorCalls.newUuid(), clock.instant())));
  }

  private void finish(Exit x) {
    if (x.code() == 0) {
      LOG.info("Executor exits: {}", x.reason());
    } else {
      LOG.error("Executor exits with code {}: {}", x.code(), x.reason());
    }
    exit.complete(x.code());
    close();
  }

  private void onLoop(Runnable r) {
    try {
      loop.execute(guarded(r));
    } catch (RejectedExecutionException e) {
      LOG.debug("Executor closed; dropped a step");
    }
  }

  /** A step that logs what it throws: the loop's executor would swallow it (and end the tick). */
  private Runnable guarded(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RejectedExecutionException e) {
        LOG.debug("Executor closed; dropped a step");
      } catch (RuntimeException e) {
        LOG.error("Executor step failed", e);
      }
    };
  }

  /** Stops the connection, the pods' watching (containers keep running) and the threads. */
  @Override
  public void close() {
    exit.complete(1);
    AgentClient.EventStream s = current;
    if (s != null) {
      s.close();
    }
    pods.close();
    streams.shutdownNow();
    senders.shutdownNow();
    workers.shutdownNow();
    reaper.shutdownNow();
    loop.shutdownNow();
  }

  private final class Listener implements PodListener {
    @Override
    public void onStatus(String taskId, PodStatus status, String message, Boolean healthy) {
      report(taskId, switch (status) {
        case STARTING -> TaskState.TASK_STARTING;
        case RUNNING -> TaskState.TASK_RUNNING;
        case FINISHED -> TaskState.TASK_FINISHED;
        case FAILED -> TaskState.TASK_FAILED;
        case KILLED -> TaskState.TASK_KILLED;
      }, message, healthy);
    }
  }
}
