package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.LaunchSpec;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.Resources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Berth as a framework on Apache Mesos, through the v1 scheduler HTTP API. The engine's calls become
 * scheduler calls ({@link Calls}); the master's events come back through {@link MesosSubscription},
 * which owns everything about one subscription (offers, the reconciliation after subscribing). No
 * call blocks the engine: they are sent asynchronously, and a launch Mesos refused is reported back
 * as TASK_DROPPED.
 */
public final class MesosClusterDriver implements ClusterDriver {

  private static final Logger LOG = LoggerFactory.getLogger(MesosClusterDriver.class);
  /** Tick of the driver's timer: reconciliation progress and retries of the framework id write. */
  static final Duration TICK = Duration.ofMillis(250);
  /** Resources an ACCEPT leaves unused are refused for this long (the Mesos default). */
  static final Duration ACCEPT_REFUSE = Duration.ofSeconds(5);

  private final MesosConfig config;
  private final MesosConnection.Factory connections;
  private final FrameworkIdStore ids;
  private final TaskLaunches launches;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "berth-mesos-timer");
    t.setDaemon(true);
    return t;
  });
  private final java.util.concurrent.CompletionStage<Void> serving;
  private volatile MesosSubscription subscription;
  private volatile MesosConnection connection;

  public MesosClusterDriver(MesosConfig config, MesosConnection.Factory connections, FrameworkIdStore ids,
                            ExecutorJar.Source executor, Clock clock) {
    this(config, connections, ids, executor, clock, CompletableFuture.completedFuture(null));
  }

  /**
   * @param serving completes when this scheduler's HTTP server accepts connections: the agents fetch
   *     the executor jar from it, so the subscription (and with it every launch) waits for it
   */
  public MesosClusterDriver(MesosConfig config, MesosConnection.Factory connections, FrameworkIdStore ids,
                            ExecutorJar.Source executor, Clock clock,
                            java.util.concurrent.CompletionStage<Void> serving) {
    this.serving = requireNonNull(serving, "serving");
    this.config = requireNonNull(config, "config");
    this.connections = requireNonNull(connections, "connections");
    this.ids = requireNonNull(ids, "ids");
    this.clock = requireNonNull(clock, "clock");
    this.launches = new TaskLaunches(requireNonNull(executor, "executor"), config.executorResources());
  }

  @Override
  public void start(ClusterEvents events) {
    String stored = ids.get().orElse(null);
    LOG.info("Subscribing to Mesos at {} as framework '{}' ({}), {}", MasterDetector.redact(config.master()),
        config.frameworkName(),
        stored == null ? "first registration" : "framework id " + stored, Encoding.fromConfig(config.encoding()));
    subscription = new MesosSubscription(config, ids, stored, events, clock, timer, this::send);
    connection = connections.open(subscription);
    MesosConnection opened = connection;
    serving.thenRun(opened::start);
    long tick = TICK.toMillis();
    timer.scheduleWithFixedDelay(() -> subscription.tick(), tick, tick, TimeUnit.MILLISECONDS);
  }

  /** What keeps Berth from working with Mesos right now, or null when it is subscribed and reconciled. */
  public String problem() {
    MesosSubscription s = subscription;
    return s == null ? "not started" : s.problem();
  }

  @Override
  public Resources taskOverhead() {
    return config.executorResources();
  }

  @Override
  public void launch(OfferId offer, List<LaunchSpec> tasks) {
    MesosSubscription s = subscription;
    String role = s.takeOffer(offer);
    String frameworkId = s.frameworkId();
    if (role == null || frameworkId == null) {
      drop(s, tasks, "offer " + offer.value() + " is no longer valid (rescinded, or the connection to Mesos was lost)");
      return;
    }
    List<TaskLaunch> infos = new ArrayList<>();
    for (LaunchSpec spec : tasks) {
      try {
        infos.add(launches.of(spec));
      } catch (RuntimeException e) {
        drop(s, List.of(spec), "cannot build the task's launch: " + e.getMessage());
      }
    }
    if (infos.isEmpty()) {
      return;
    }
    Call accept = Calls.accept(frameworkId, offer, role.isEmpty() ? null : role, infos, ACCEPT_REFUSE);
    s.launched(infos.stream().map(t -> new TaskRef(t.taskId(), t.agentId())).toList());
    send(accept).whenComplete((ok, failure) -> {
      Throwable error = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (error instanceof MesosCallRejectedException rejected) {
        // The master refused the call as a whole: it launched nothing.
        drop(s, tasks, "Mesos refused the launch: " + rejected.getMessage());
      } else if (error != null) {
        // Unknown whether the master got it: the task is reconciled and the answer decides.
        LOG.warn("ACCEPT of offer {} may not have reached Mesos ({}); reconciling its tasks", offer.value(),
            error.getMessage());
        s.reconcileSoon(infos.stream().map(t -> new TaskRef(t.taskId(), t.agentId())).toList());
      }
    });
  }

  private void drop(MesosSubscription s, List<LaunchSpec> tasks, String why) {
    for (LaunchSpec spec : tasks) {
      LOG.warn("Task {} not launched: {}", spec.task().taskId(), why);
      s.report(new TaskStatus(spec.task().taskId(), spec.task().agentId(), InstanceState.DROPPED, why, null, null,
          false));
    }
  }

  @Override
  public void adopt(io.berth.api.executor.TaskPayload task) {
    // The executor on the agent keeps watching its pod; nothing to resume here.
  }

  @Override
  public void kill(String taskId, String agentId, Duration grace) {
    withFramework("KILL of " + taskId, id -> Calls.kill(id, taskId, agentId, grace));
  }

  @Override
  public void acknowledge(String ackId) {
    AckId ack = AckId.parse(ackId);
    withFramework("ACKNOWLEDGE of " + ack.taskId(), id -> Calls.acknowledge(id, ack));
  }

  @Override
  public void decline(Collection<OfferId> offers, Duration refuse) {
    MesosSubscription s = subscription;
    List<OfferId> valid = offers.stream().filter(o -> s.takeOffer(o) != null).toList();
    if (!valid.isEmpty()) {
      withFramework("DECLINE", id -> Calls.decline(id, valid, refuse));
    }
  }

  @Override
  public void suppress() {
    withFramework("SUPPRESS", id -> Calls.suppress(id, List.of()));
  }

  @Override
  public void revive() {
    withFramework("REVIVE", id -> Calls.revive(id, List.of()));
  }

  @Override
  public void reconcile(List<TaskRef> tasks) {
    withFramework("RECONCILE", id -> Calls.reconcile(id, tasks));
  }

  @Override
  public void stop() {
    timer.shutdownNow();
    MesosConnection c = connection;
    if (c != null) {
      c.close();
    }
  }

  private void withFramework(String what, java.util.function.Function<String, Call> call) {
    String frameworkId = subscription.frameworkId();
    if (frameworkId == null) {
      LOG.info("{} not sent: Berth is not subscribed to Mesos yet", what);
      return;
    }
    send(call.apply(frameworkId)).whenComplete((ok, error) -> {
      if (error != null) {
        LOG.info("{} failed: {}", what, error.getMessage());
      }
    });
  }

  private CompletableFuture<Void> send(Call call) {
    MesosConnection c = connection;
    if (c == null) {
      return CompletableFuture.failedFuture(new MesosCallException("not connected to Mesos"));
    }
    return c.send(call);
  }
}
