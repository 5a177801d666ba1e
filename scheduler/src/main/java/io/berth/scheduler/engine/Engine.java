package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.InstanceIdSource;
import io.berth.scheduler.core.instances.InstanceTransitions;
import io.berth.scheduler.core.instances.UpdateSource;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.reconcile.ObservedTask;
import io.berth.scheduler.core.reconcile.Reconciliation;
import io.berth.scheduler.store.InstanceStore;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell around the pure core. Every event — a cluster report, an app change, a timer tick —
 * runs on one thread, in arrival order, so the core's decisions are applied one at a time and
 * always against what the store holds. Nothing is launched until the cluster has told, once, what
 * it runs (start-up reconciliation).
 */
public final class Engine implements Managed, ClusterEvents, AppService.AppListener, TaskKiller {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final AppService apps;
  private final InstanceStore store;
  private final ClusterDriver driver;
  private final Clock clock;
  private final EngineSettings settings;
  private final InstanceBook book = new InstanceBook();
  private final TaskPayloads payloads;
  private final Effects effects;
  private final OfferRound offers;
  private final Decisions decisions;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "berth-engine");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean connected;
  /** The tasks of the last connection while its start-up reconciliation has not gone through. */
  private List<ObservedTask> startup;
  private Set<String> startupUnconfirmed = Set.of();

  public Engine(AppService apps, InstanceStore store, ClusterDriver driver, Clock clock, EngineSettings settings,
                io.berth.scheduler.config.HelperConfig helpers) {
    this.apps = apps;
    this.store = store;
    this.driver = driver;
    this.clock = clock;
    this.settings = settings;
    this.payloads = new TaskPayloads(helpers, driver.taskOverhead());
    this.effects = new Effects(store, driver, apps, book, payloads, settings);
    this.offers = new OfferRound(driver, apps, book, payloads, effects, settings);
    this.decisions = new Decisions(apps, book, effects, driver, payloads,
        InstanceIdSource.of(UUID::randomUUID), settings);
  }

  /** What the API reads. */
  public EngineTaskQueries queries() {
    return new EngineTaskQueries(book, apps, clock);
  }

  @Override
  public void start() throws Exception {
    loop.submit(() -> store.loadAll().forEach(book::put)).get();
    LOG.info("Loaded {} instances from the store", book.instances.size());
    apps.addListener(this);
    driver.start(this);
    long tick = settings.tick().toMillis();
    loop.scheduleWithFixedDelay(() -> guarded("tick", this::tick), tick, tick, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws InterruptedException {
    driver.stop();
    loop.shutdown();
    loop.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Runs {@code work} on the engine's thread and waits for it (for the API's kill requests). */
  public void runAndWait(Runnable work) {
    try {
      loop.submit(() -> guarded("request", () -> work.run())).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the scheduler engine did not complete the request", e);
    }
  }

  @Override
  public Killed kill(String appId, List<String> taskIds, boolean scale) {
    List<io.berth.api.model.Task> killed = new java.util.ArrayList<>();
    AppService.Change[] change = {null};
    EngineTaskQueries view = queries();
    runAndWait(() -> {
      Set<String> touched = new HashSet<>();
      for (String taskId : taskIds) {
        Instance i = book.get(taskId);
        if (i == null || !i.appId().equals(appId) || i.isTerminal()) {
          continue;
        }
        view.tasks(appId).stream().filter(t -> t.id().equals(taskId)).findFirst().ifPresent(killed::add);
        var t = InstanceTransitions.apply(i,
            new io.berth.scheduler.core.instances.InstanceEvent.KillRequest(
                io.berth.scheduler.core.instances.KillReason.USER_REQUEST), clock.instant());
        effects.run(t.effects(), null, clock.instant(), touched);
      }
      if (scale && !killed.isEmpty()) {
        apps.get(appId).ifPresent(app -> change[0] =
            apps.update(app.withInstances(Math.max(0, app.instances() - killed.size()))).orElse(null));
      } else if (scale) {
        change[0] = apps.unchanged(appId).orElse(null);
      }
      touched.add(appId);
      react(touched);
    });
    return new Killed(killed, change[0]);
  }

  @Override
  public boolean resetDelay(String appId) {
    boolean[] had = {false};
    runAndWait(() -> had[0] = book.delays.remove(appId) != null);
    return had[0];
  }

  @Override
  public void onConnected(List<ObservedTask> tasks, Set<String> unconfirmed) {
    loop.execute(() -> guarded("connected", () -> {
      LOG.info("Cluster connected, reporting {} tasks ({} more not confirmed yet); reconciling with {} stored"
          + " instances", tasks.size(), unconfirmed.size(), book.instances.size());
      connected = false;
      startup = List.copyOf(tasks);
      startupUnconfirmed = Set.copyOf(unconfirmed);
      reconcileAtStartup();
    }));
  }

  /**
   * Start-up reconciliation against the tasks the cluster reported. Until it has gone through once
   * (a store write may fail half-way), nothing is launched and every tick tries it again.
   */
  private void reconcileAtStartup() {
    Set<String> touched = new HashSet<>();
    decisions.execute(Reconciliation.atStartup(List.copyOf(book.all()), startup, startupUnconfirmed),
        clock.instant(), touched);
    startup = null;
    connected = true;
    tick();
  }

  @Override
  public void onDisconnected(String why) {
    loop.execute(() -> guarded("disconnected", () -> {
      LOG.warn("Cluster connection lost: {}", why);
      connected = false; // nothing launches until the next connection's start-up reconciliation
      offers.clear();
    }));
  }

  @Override
  public void onOffers(List<Offer> list) {
    loop.execute(() -> guarded("offers", () -> {
      offers.add(list, clock.instant());
      if (connected) {
        Set<String> touched = new HashSet<>();
        offers.match(clock.instant(), touched);
        decisions.reconcile(touched, clock.instant());
      }
    }));
  }

  @Override
  public void onRescinded(OfferId offer) {
    loop.execute(() -> offers.rescind(offer));
  }

  @Override
  public void onStatus(TaskStatus s) {
    loop.execute(() -> guarded("status of " + s.taskId(), () -> status(s)));
  }

  @Override
  public List<ClusterDriver.TaskRef> knownTasks() {
    try {
      return loop.submit(() -> book.all().stream()
          .filter(i -> i.state().mayHaveContainer())
          .map(i -> new ClusterDriver.TaskRef(i.id().value(), i.agentId()))
          .toList()).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the engine for its tasks", e);
    } catch (Exception e) {
      throw new IllegalStateException("the scheduler engine did not list its tasks", e);
    }
  }

  @Override
  public void onHealthResults(String taskId, List<HealthCheckResult> results) {
    book.health.put(taskId, List.copyOf(results));
  }

  @Override
  public void onChange(AppService.Change change) {
    loop.execute(() -> guarded("app change", () -> {
      App after = change.after();
      if (after != null) {
        decisions.appChanged(change.before(), after);
      } else {
        decisions.appRemoved(change.before().id());
      }
      tick();
    }));
  }

  private void status(TaskStatus s) {
    Instance instance = book.get(s.taskId());
    if (instance == null) {
      decisions.unknownTask(s);
      return;
    }
    UpdateSource source = s.fromReconciliation() ? UpdateSource.MASTER : UpdateSource.EXECUTOR;
    var t = InstanceTransitions.apply(instance,
        new StatusUpdate(s.state(), s.message(), s.healthy(), source, s.ackId()), clock.instant());
    if (!t.isLegal()) {
      LOG.warn("Ignoring update {} of {} in state {}: {}", s.state(), s.taskId(), instance.state(), t.reason());
    }
    Set<String> touched = new HashSet<>();
    effects.run(t.effects(), null, clock.instant(), touched);
    if (t.isChanged()) {
      LOG.info("Task {} is {}{}", s.taskId(), t.instance().state(),
          s.message() == null ? "" : " (" + s.message() + ")");
      touched.add(instance.appId());
      react(touched);
    }
  }

  /**
   * Reconciles the touched apps, then offers at once: a replacement (or the next step of a rolling
   * replacement) launches on held offers or revives them without waiting for the tick.
   */
  private void react(Set<String> touched) {
    decisions.reconcile(touched, clock.instant());
    if (connected) {
      Set<String> launched = new HashSet<>();
      offers.match(clock.instant(), launched);
      decisions.reconcile(launched, clock.instant());
    }
  }

  private void tick() {
    if (startup != null) {
      LOG.info("Retrying start-up reconciliation with {} reported tasks", startup.size());
      reconcileAtStartup();
      return;
    }
    if (!connected) {
      return;
    }
    Set<String> touched = new HashSet<>();
    decisions.reconcileAll(clock.instant());
    offers.match(clock.instant(), touched);
    decisions.reconcile(touched, clock.instant());
  }

  private void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.error("Engine step '{}' failed; the store and the cluster will be reconciled on the next tick", what, e);
    }
  }
}
