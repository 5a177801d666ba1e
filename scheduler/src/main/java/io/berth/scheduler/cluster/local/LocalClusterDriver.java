package io.berth.scheduler.cluster.local;

import static java.util.Objects.requireNonNull;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.HealthCheckResult;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.pod.PodPlan;
import io.berth.executor.pod.PodRunner;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.LaunchSpec;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.reconcile.ObservedTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine as a one-node cluster: offers its cpus, memory, disk and a port range, and runs each
 * task as a pod on the local Docker engine, in this process ({@link PodRunner}). Statuses need no
 * acknowledgement (their ack id is null). See docs/local-cluster.md.
 *
 * <p>The engine calls from its one thread; the pod runner reports from its own. Every call returns
 * at once: Docker is only used on workers, one job at a time per task.
 */
public final class LocalClusterDriver implements ClusterDriver {

  private static final Logger LOG = LoggerFactory.getLogger(LocalClusterDriver.class);
  static final Duration CONNECT_RETRY = Duration.ofSeconds(5);

  private final LocalClusterConfig config;
  private final ContainerRuntime runtime;
  private final PodRunners runners;
  private final Object lock = new Object();
  private final TaskBook tasks = new TaskBook();
  private final OfferPacing pacing = new OfferPacing();
  /** The current run between start and stop; null when stopped. Guarded by {@link #lock}. */
  private LocalRun run;

  @Inject
  LocalClusterDriver(LocalClusterConfig config, ContainerRuntime runtime) {
    this(config, runtime, PodRunner::create);
  }

  public LocalClusterDriver(LocalClusterConfig config, ContainerRuntime runtime, PodRunners runners) {
    this.config = requireNonNull(config, "config");
    this.runtime = requireNonNull(runtime, "runtime");
    this.runners = requireNonNull(runners, "runners");
  }

  @Override
  public void start(ClusterEvents events) {
    requireNonNull(events, "events");
    synchronized (lock) {
      if (run != null) {
        throw new IllegalStateException("the local cluster driver is already started");
      }
      tasks.clear();
      pacing.reset();
      String offerPrefix = config.agentId() + "-" + UUID.randomUUID().toString().substring(0, 8);
      LocalRun r = new LocalRun(events, config.workers(),
          new OfferBook(config.agentId(), config.hostname(), offerPrefix));
      StatusSink sink = new RunSink(r);
      PodRunner runner = runners.create(runtime, new RunListener(sink));
      r.attach(runner, new PodJobs(runner, runtime, config.agentId(), sink));
      run = r;
      LOG.info("Local cluster {} ({}): {} cpus, {} MB mem, {} MB disk, ports {}", config.agentId(), config.hostname(),
          config.cpus(), config.memMb(), config.diskMb(), config.ports());
      r.workers().execute(() -> connect(r));
    }
  }

  /** Lists the pods on the engine, reports them with onConnected, removes the ended ones, then offers. */
  private void connect(LocalRun r) {
    PodScan.Result scan;
    try {
      scan = PodScan.of(r.runner().listPods(), config.agentId(), runtime::inspect);
    } catch (RuntimeException e) {
      LOG.warn("The Docker engine does not answer ({}); retrying in {}", e.getMessage(), CONNECT_RETRY);
      synchronized (lock) {
        if (run == r) {
          if (!r.connectFailed()) {
            r.dispatch(ev -> ev.onDisconnected("the Docker engine does not answer: " + e.getMessage()));
          }
          r.schedule(() -> r.workers().execute(() -> connect(r)), CONNECT_RETRY);
        }
      }
      return;
    }
    synchronized (lock) {
      if (run != r) {
        return;
      }
      for (ObservedTask t : scan.observed()) {
        if (t.state().isTerminal()) {
          tasks.end(t.taskId(), t.state(), t.message(), null);
        } else {
          tasks.put(LocalTask.found(t.taskId(), t.state(), t.message()));
        }
      }
      LOG.info("Connected to the Docker engine: {} pods found, {} of them ended", scan.observed().size(),
          scan.ended().size());
      pacing.connected();
      r.dispatch(ev -> ev.onConnected(scan.observed()));
      for (ObservedTask t : scan.ended()) {
        r.work().submit(t.taskId(), "remove", () -> r.runner().remove(t.taskId(), PodPlan.DEFAULT_KILL_GRACE));
      }
      if (tasks.awaitingAdoption()) {
        r.schedule(() -> adoptionWaitOver(r), config.adoptionTimeout());
      }
      offerSoon(Duration.ZERO, false);
    }
  }

  @Override
  public void launch(OfferId offer, List<LaunchSpec> launches) {
    for (LaunchSpec launch : launches) {
      launchOne(offer, launch.task());
    }
  }

  private void launchOne(OfferId offer, TaskPayload task) {
    synchronized (lock) {
      LocalRun r = started();
      String taskId = task.taskId();
      if (tasks.live(taskId).isPresent()) {
        LOG.warn("Task {} is already on the local cluster; launch ignored (task ids are used once)", taskId);
        return;
      }
      TaskUsage usage = TaskUsage.of(task);
      Optional<String> refusal = pacing.isConnected() ? r.offers().take(offer, usage)
          : Optional.of("the local cluster is not connected to the Docker engine yet");
      if (refusal.isPresent()) {
        LOG.info("Dropping task {}: {}", taskId, refusal.get());
        tasks.end(taskId, InstanceState.DROPPED, refusal.get(), null);
        report(r, taskId, InstanceState.DROPPED, refusal.get(), null, false);
        return;
      }
      LOG.info("Launching {} on agent {} (offer {})", taskId, config.agentId(), offer);
      tasks.put(LocalTask.launching(taskId, usage));
      report(r, taskId, InstanceState.STAGING, "staging", null, false);
      r.work().submit(taskId, "launch", () -> r.jobs().launch(task));
      offerSoon(config.offerInterval(), false);
    }
  }

  @Override
  public void adopt(TaskPayload task) {
    synchronized (lock) {
      LocalRun r = started();
      String taskId = task.taskId();
      if (!pacing.isConnected()) {
        LOG.warn("Adoption of {} asked before the local cluster connected; ignored (onConnected will report it)",
            taskId);
        return;
      }
      Optional<LocalTask> live = tasks.live(taskId);
      if (live.isEmpty()) {
        reportLastKnown(r, taskId, false);
        return;
      }
      if (live.get().accounted()) {
        LOG.info("Task {} is already watched; adopt ignored", taskId);
        return;
      }
      LOG.info("Adopting {} on agent {}", taskId, config.agentId());
      tasks.put(live.get().adopted(TaskUsage.of(task)));
      // offers made so far did not count this task: take them back
      r.offers().outstanding().ifPresent(o -> r.dispatch(ev -> ev.onRescinded(o.id())));
      r.offers().voidAll();
      r.work().submit(taskId, "adopt", () -> r.jobs().adopt(task));
      offerSoon(config.offerInterval(), false);
    }
  }

  @Override
  public void kill(String taskId, String agentId, Duration grace) {
    synchronized (lock) {
      LocalRun r = started();
      if (tasks.live(taskId).isEmpty() && tasks.ended(taskId).isPresent()) {
        reportLastKnown(r, taskId, false); // it ended already: its end is the kill's answer
        return;
      }
      Duration g = grace == null || grace.isNegative() ? PodPlan.DEFAULT_KILL_GRACE : grace;
      LOG.info("Killing {} on agent {} (grace {})", taskId, config.agentId(), g);
      r.work().submit(taskId, "kill", () -> r.runner().kill(taskId, g, "killed on request"));
    }
  }

  @Override
  public void acknowledge(String ackId) {
    // the local cluster sends every status once and needs no acknowledgement
  }

  @Override
  public void decline(Collection<OfferId> offers, Duration refuse) {
    synchronized (lock) {
      LocalRun r = started();
      Optional<Offer> declined = Optional.empty();
      for (OfferId id : offers) {
        Optional<Offer> d = r.offers().decline(id);
        declined = d.isPresent() ? d : declined;
      }
      if (declined.isEmpty()) {
        return;
      }
      if (refuse != null && refuse.toMillis() > 0) {
        LOG.debug("Offer {} declined; refusing its resources for {}", declined.get().id(), refuse);
        pacing.refuseFor(r, declined.get(), refuse, () -> {
          synchronized (lock) {
            offerSoon(Duration.ZERO, false);
          }
        });
      } else {
        offerSoon(config.offerInterval(), false);
      }
    }
  }

  @Override
  public void suppress() {
    synchronized (lock) {
      pacing.suppress();
    }
  }

  @Override
  public void revive() {
    synchronized (lock) {
      pacing.revive();
      if (run != null) {
        offerSoon(Duration.ZERO, true);
      }
    }
  }

  @Override
  public void reconcile(List<TaskRef> refs) {
    synchronized (lock) {
      LocalRun r = started();
      if (!pacing.isConnected()) {
        LOG.info("Reconciliation asked before the local cluster connected; onConnected will carry every task");
        return;
      }
      if (refs.isEmpty()) {
        tasks.allLive().forEach(t -> reportLastKnown(r, t.taskId(), true));
        return;
      }
      refs.forEach(ref -> reportLastKnown(r, ref.taskId(), true));
    }
  }

  @Override
  public void stop() {
    LocalRun r;
    synchronized (lock) {
      r = run;
      run = null;
      pacing.reset();
    }
    if (r != null) {
      LOG.info("Local cluster {} stops; its pods keep running", config.agentId());
      r.close();
    }
  }

  /** Reports what is known of a task: its live state, its end, or LOST ("unknown to the local cluster"). */
  private void reportLastKnown(LocalRun r, String taskId, boolean fromReconciliation) {
    TaskBook.Ended last = tasks.lastKnown(taskId);
    report(r, taskId, last.state(), last.message(), last.healthy(), fromReconciliation);
  }

  /** A status from the pod runner (or a launch that threw): book it, then pass it on. */
  private void onTaskStatus(LocalRun r, String taskId, InstanceState state, String message, Boolean healthy) {
    synchronized (lock) {
      if (run != r) {
        return;
      }
      if (tasks.ended(taskId).isPresent()) {
        LOG.debug("Task {} ended already; {} not reported", taskId, state);
        return;
      }
      Optional<LocalTask> live = tasks.live(taskId);
      if (state.isTerminal()) {
        tasks.end(taskId, state, message, healthy);
        offerSoon(config.offerInterval(), false);
      } else if (live.isPresent()) {
        tasks.put(live.get().with(state, healthy, message));
      }
      report(r, taskId, state, message, healthy, false);
    }
  }

  private void onHealthResults(LocalRun r, String taskId, List<HealthCheckResult> results) {
    synchronized (lock) {
      if (run == r && tasks.live(taskId).isPresent()) {
        r.dispatch(ev -> ev.onHealthResults(taskId, results));
      }
    }
  }

  private void report(LocalRun r, String taskId, InstanceState state, String message, Boolean healthy,
      boolean fromReconciliation) {
    TaskStatus status = new TaskStatus(taskId, config.agentId(), state, message, healthy, null, fromReconciliation);
    r.dispatch(ev -> ev.onStatus(status));
  }

  private void adoptionWaitOver(LocalRun r) {
    synchronized (lock) {
      if (run != r) {
        return;
      }
      if (tasks.awaitingAdoption()) {
        LOG.warn("Pods found at start were neither adopted nor killed within {}; offering anyway",
            config.adoptionTimeout());
      }
      pacing.adoptionWaitOver();
      offerSoon(Duration.ZERO, false);
    }
  }

  /** Schedules an offer (keeping an earlier one already scheduled). Holds the lock. */
  private void offerSoon(Duration delay, boolean fresh) {
    if (run != null) {
      pacing.schedule(run, delay, fresh, this::offerNow);
    }
  }

  /** Sends one offer of what is free now, voiding the one before, unless nothing changed or offers are off. */
  private void offerNow() {
    synchronized (lock) {
      boolean fresh = pacing.fired();
      LocalRun r = run;
      if (r == null) {
        return;
      }
      Resources free = tasks.free(config.total());
      List<PortRange> ports = PortRanges.free(config.ports(), tasks.usedPorts());
      if (!pacing.mayOffer(tasks.awaitingAdoption(), free, ports)) {
        return;
      }
      if (!fresh && r.offers().outstandingEquals(free, ports)) {
        return;
      }
      r.offers().outstanding().ifPresent(o -> r.dispatch(ev -> ev.onRescinded(o.id())));
      if (free.equals(Resources.NONE) && ports.isEmpty()) {
        r.offers().voidAll();
        return;
      }
      Offer offer = r.offers().issue(free, ports);
      LOG.debug("Offer {}: {} cpus, {} MB mem, {} MB disk, ports {}", offer.id(), free.cpus(), free.memMb(),
          free.diskMb(), ports);
      r.dispatch(ev -> ev.onOffers(List.of(offer)));
    }
  }

  /** Statuses of one run's pods; a stopped run's late reports are dropped. */
  private final class RunSink implements StatusSink {
    private final LocalRun r;

    RunSink(LocalRun r) {
      this.r = r;
    }

    @Override
    public void onTaskStatus(String taskId, InstanceState state, String message, Boolean healthy) {
      LocalClusterDriver.this.onTaskStatus(r, taskId, state, message, healthy);
    }

    @Override
    public void onHealthResults(String taskId, List<HealthCheckResult> results) {
      LocalClusterDriver.this.onHealthResults(r, taskId, results);
    }
  }

  private LocalRun started() {
    if (run == null) {
      throw new IllegalStateException("the local cluster driver is not started");
    }
    return run;
  }
}
