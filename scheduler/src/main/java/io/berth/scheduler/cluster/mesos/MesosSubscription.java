package io.berth.scheduler.cluster.mesos;

import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the driver knows about its current subscription, fed by the master's events:
 * <ol>
 *   <li>SUBSCRIBED: the framework id is stored (before anything can be launched), then every task the
 *       engine knows is reconciled explicitly, and all tasks implicitly;
 *   <li>until the master has answered about every known task (or the wait is over), offers are held
 *       back and the engine hears nothing but status updates;
 *   <li>then the engine gets {@code onConnected} with what the master said, and the held offers;
 *   <li>afterwards every task is reconciled again each {@code reconcileInterval}.
 * </ol>
 * A disconnection voids the offers and the round; the next SUBSCRIBED starts over.
 */
final class MesosSubscription implements MesosClient.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(MesosSubscription.class);
  /**
   * How long a launched task (or one Mesos said nothing about after a subscription) may stay without
   * any update before Berth asks about it again (the scheduler API guide: reconcile a task
   * explicitly when no update arrives for it within a timeout).
   */
  static final java.time.Duration LAUNCH_SILENCE = java.time.Duration.ofSeconds(60);

  private record Launched(TaskRef task, Instant since) {}

  private final MesosConfig config;
  private final FrameworkIdStore ids;
  private final ClusterEvents events;
  private final Clock clock;
  private final Executor background;
  private final Function<Call, CompletableFuture<Void>> send;

  private final Object lock = new Object();
  private String storedId;
  private volatile String frameworkId;
  /** The allocation role of every offer not yet used, declined or rescinded ("" when none is given). */
  private final Map<OfferId, String> offerRoles = new HashMap<>();
  private final List<Offer> heldBack = new ArrayList<>();
  private final Set<TaskRef> reconcileSoon = new LinkedHashSet<>();
  /** Launched tasks that have had no update yet, with when they were (last) asked about. */
  private final Map<String, Launched> silent = new HashMap<>();
  /** Updates that arrived between SUBSCRIBED and the start of the round: they count as answers. */
  private final List<TaskStatus> early = new ArrayList<>();
  private long generation;
  private boolean roundPending;
  private ReconcileRound round;
  private boolean reported;
  private Instant nextPeriodic = Instant.MAX;
  private volatile String problem = "not subscribed to Mesos yet";

  MesosSubscription(MesosConfig config, FrameworkIdStore ids, String storedId, ClusterEvents events, Clock clock,
                    Executor background, Function<Call, CompletableFuture<Void>> send) {
    this.config = config;
    this.ids = ids;
    this.storedId = storedId;
    this.frameworkId = storedId;
    this.events = events;
    this.clock = clock;
    this.background = background;
    this.send = send;
  }

  String frameworkId() {
    return frameworkId;
  }

  /** What keeps Berth from working with Mesos right now (for the health check), or null when nothing. */
  String problem() {
    return problem;
  }

  /** The offer's allocation role ("" for none) if it can still be used, and forgets it; else null. */
  String takeOffer(OfferId offer) {
    synchronized (lock) {
      return offerRoles.remove(offer);
    }
  }

  /** A status the driver itself makes up (a launch Mesos refused). */
  void report(TaskStatus status) {
    events.onStatus(status);
  }

  /** A launch went out: if no update comes for it within {@link #LAUNCH_SILENCE}, it is reconciled. */
  void launched(List<TaskRef> tasks) {
    Instant now = clock.instant();
    synchronized (lock) {
      tasks.forEach(t -> silent.put(t.taskId(), new Launched(t, now)));
    }
  }

  /** Asks about these tasks on the next tick (a launch whose ACCEPT may have been lost). */
  void reconcileSoon(List<TaskRef> tasks) {
    synchronized (lock) {
      reconcileSoon.addAll(tasks);
    }
  }

  // --- the client's listener

  @Override
  public Call subscribeCall() {
    return Calls.subscribe(config.framework(), frameworkId);
  }

  @Override
  public void onEvent(Event event) {
    MesosEvent e;
    try {
      e = EventMapper.map(event);
    } catch (MesosWireException x) {
      LOG.warn("Ignoring an event Berth cannot read: {}", x.getMessage());
      return;
    }
    if (e instanceof MesosEvent.Subscribed s) {
      subscribed(s);
    } else if (e instanceof MesosEvent.Offers o) {
      offers(event, o.offers());
    } else if (e instanceof MesosEvent.Rescinded r) {
      rescinded(r.offerId());
    } else if (e instanceof MesosEvent.StatusUpdate u) {
      status(u.status());
    } else if (e instanceof MesosEvent.Failure f) {
      if (f.executorId() == null) {
        LOG.info("Mesos removed agent {}", f.agentId());
      } else {
        LOG.info("Executor {} on agent {} ended ({})", f.executorId(), f.agentId(),
            f.status() == null ? "no status" : "exit code " + (f.status() >> 8));
      }
    } else if (e instanceof MesosEvent.MasterError m) {
      problem = "Mesos refused the subscription: " + m.message();
      LOG.error("Mesos ended the subscription: {}{}", m.message(), m.message().contains("removed")
          ? ". Framework " + frameworkId + " is gone for good (its failover timeout ran out, or an operator tore"
            + " it down) and Mesos killed its tasks; Berth keeps retrying. To register anew, delete the znode"
            + " <zk root>/mesos/framework-id and restart." : "");
    }
  }

  @Override
  public void onDisconnected(String why) {
    if (problem == null || !problem.startsWith("Mesos refused")) {
      problem = "disconnected from Mesos since " + clock.instant() + ": " + why;
    }
    synchronized (lock) {
      generation++;
      offerRoles.clear();
      heldBack.clear();
      round = null;
      roundPending = false;
      early.clear();
      silent.clear(); // the next subscription reconciles every task anyway
      reported = false;
      nextPeriodic = Instant.MAX;
    }
    events.onDisconnected(why);
  }

  private void subscribed(MesosEvent.Subscribed s) {
    long gen;
    synchronized (lock) {
      gen = ++generation;
      frameworkId = s.frameworkId();
      roundPending = true;
      early.clear();
      round = null;
      reported = false;
    }
    LOG.info("Subscribed to Mesos as framework {} (heartbeat every {})", s.frameworkId(), s.heartbeatInterval());
    background.execute(() -> beginRound(gen));
  }

  private void offers(Event event, List<Offer> offers) {
    synchronized (lock) {
      for (org.apache.mesos.v1.Protos.Offer o : event.getOffers().getOffersList()) {
        offerRoles.put(new OfferId(o.getId().getValue()),
            o.hasAllocationInfo() && o.getAllocationInfo().hasRole() ? o.getAllocationInfo().getRole() : "");
      }
      if (!reported) {
        heldBack.addAll(offers);
        return;
      }
    }
    events.onOffers(offers);
  }

  private void rescinded(OfferId offer) {
    synchronized (lock) {
      offerRoles.remove(offer);
      heldBack.removeIf(o -> o.id().equals(offer));
      if (!reported) {
        return;
      }
    }
    events.onRescinded(offer);
  }

  private void status(TaskStatus status) {
    synchronized (lock) {
      silent.remove(status.taskId());
      if (round != null || roundPending) {
        if (round != null) {
          round.answer(status);
        } else {
          early.add(status);
        }
        if (status.fromReconciliation()) {
          return; // goes to the engine with onConnected
        }
      }
    }
    events.onStatus(status);
  }

  // --- the timer's work

  /** Stores the framework id if it is new, then starts the reconciliation of the subscription. */
  private void beginRound(long gen) {
    String id;
    synchronized (lock) {
      if (gen != generation || !roundPending) {
        return;
      }
      id = frameworkId;
    }
    if (!id.equals(storedId)) {
      try {
        ids.put(id);
        storedId = id;
        LOG.info("Stored the Mesos framework id {}", id);
      } catch (RuntimeException e) {
        LOG.error("Cannot store the framework id {} ({}); nothing is launched until it is stored", id,
            e.getMessage());
        return; // the next tick tries again
      }
    }
    List<TaskRef> known = events.knownTasks();
    synchronized (lock) {
      if (gen != generation || !roundPending) {
        return;
      }
      roundPending = false;
      round = new ReconcileRound(known, clock.instant(), config.reconcileWait());
      early.forEach(round::answer);
      early.clear();
    }
    LOG.info("Reconciling {} known tasks with Mesos (explicitly) and every task (implicitly)", known.size());
    reconcile(known, true);
  }

  void tick() {
    try {
      tickChecked();
    } catch (RuntimeException e) {
      LOG.warn("Mesos driver tick failed: {}", e.getMessage(), e);
    }
  }

  private void tickChecked() {
    Instant now = clock.instant();
    long gen;
    List<TaskRef> again = List.of();
    List<TaskRef> soon = List.of();
    List<io.berth.scheduler.core.reconcile.ObservedTask> observed = null;
    Set<String> unconfirmed = Set.of();
    List<Offer> offers = List.of();
    boolean periodic = false;
    boolean retryRound;
    synchronized (lock) {
      gen = generation;
      retryRound = roundPending;
      if (round != null) {
        again = round.askAgain(now);
        if (round.isComplete(now)) {
          observed = round.observed();
          unconfirmed = round.unconfirmed();
          if (!unconfirmed.isEmpty()) {
            LOG.warn("No answer from Mesos about {} tasks after {} (their agents have not re-registered yet);"
                + " they keep their state and are asked about every {}", unconfirmed.size(), config.reconcileWait(),
                LAUNCH_SILENCE);
            for (TaskRef t : round.remaining()) {
              silent.put(t.taskId(), new Launched(t, now));
            }
          }
          round = null;
          reported = true;
          offers = List.copyOf(heldBack);
          heldBack.clear();
          nextPeriodic = now.plus(config.reconcileInterval());
        }
      } else if (reported && !now.isBefore(nextPeriodic)) {
        periodic = true;
        nextPeriodic = now.plus(config.reconcileInterval());
      }
      if (reported) {
        for (Launched l : List.copyOf(silent.values())) {
          if (!now.isBefore(l.since().plus(LAUNCH_SILENCE))) {
            reconcileSoon.add(l.task());
            silent.put(l.task().taskId(), new Launched(l.task(), now));
          }
        }
      }
      if (reported && !reconcileSoon.isEmpty()) {
        soon = List.copyOf(reconcileSoon);
        reconcileSoon.clear();
      }
    }
    if (retryRound) {
      beginRound(gen);
    }
    if (!again.isEmpty()) {
      reconcile(again, false);
    }
    if (observed != null) {
      LOG.info("Reconciliation done: Mesos reports {} tasks", observed.size());
      events.onConnected(observed, unconfirmed);
      problem = null;
      if (!offers.isEmpty()) {
        events.onOffers(offers);
      }
    }
    if (periodic) {
      reconcile(events.knownTasks(), true);
    }
    if (!soon.isEmpty()) {
      reconcile(soon, false);
    }
  }

  private void reconcile(List<TaskRef> explicit, boolean implicit) {
    String id = frameworkId;
    if (!explicit.isEmpty()) {
      sendLogged("RECONCILE of " + explicit.size() + " tasks", Calls.reconcile(id, explicit));
    }
    if (implicit) {
      sendLogged("RECONCILE of all tasks", Calls.reconcile(id, List.of()));
    }
  }

  private void sendLogged(String what, Call call) {
    send.apply(call).whenComplete((ok, error) -> {
      if (error != null) {
        LOG.info("{} failed: {}", what, error.getMessage());
      }
    });
  }
}
