package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.core.backoff.LaunchQueue;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEvent.LaunchRequest;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceTransitions;
import io.berth.scheduler.core.instances.Transition;
import io.berth.scheduler.core.matching.AgentId;
import io.berth.scheduler.core.matching.Launch;
import io.berth.scheduler.core.matching.MatchResult;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.OfferMatcher;
import io.berth.scheduler.core.matching.RunningInstance;
import io.berth.scheduler.core.matching.Unplaced;
import io.berth.scheduler.core.matching.WaitingInstance;
import io.berth.scheduler.core.offers.HeldOffer;
import io.berth.scheduler.core.offers.OfferEffect;
import io.berth.scheduler.core.offers.OfferLifecycle;
import io.berth.scheduler.core.offers.OfferSituation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers on the engine's thread: holds them, matches waiting instances against them, launches what
 * matched (each launch stored before it is sent), remembers why the rest waits, declines the
 * unused, and suppresses or revives offers as work comes and goes.
 */
final class OfferRound {

  private static final Logger LOG = LoggerFactory.getLogger(OfferRound.class);

  private final ClusterDriver driver;
  private final AppService apps;
  private final InstanceBook book;
  private final TaskPayloads payloads;
  private final Effects effects;
  private final OfferMatcher matcher;
  private final OfferLifecycle lifecycle;
  private final Map<OfferId, Offer> held = new LinkedHashMap<>();
  private final Map<OfferId, Instant> receivedAt = new LinkedHashMap<>();
  private final Map<AgentId, Map<String, String>> attributes = new LinkedHashMap<>();
  private boolean suppressed;

  OfferRound(ClusterDriver driver, AppService apps, InstanceBook book, TaskPayloads payloads, Effects effects,
             EngineSettings settings) {
    this.driver = driver;
    this.apps = apps;
    this.book = book;
    this.payloads = payloads;
    this.effects = effects;
    this.lifecycle = new OfferLifecycle(settings.offers());
    this.matcher = new OfferMatcher(settings.placement());
  }

  void add(List<Offer> offers, Instant now) {
    for (Offer o : offers) {
      held.put(o.id(), o);
      receivedAt.put(o.id(), now);
      attributes.put(o.agentId(), o.attributes());
    }
  }

  void rescind(OfferId id) {
    held.remove(id);
    receivedAt.remove(id);
  }

  /** The connection is gone: its offers are void, and a new connection starts unsuppressed. */
  void clear() {
    held.clear();
    receivedAt.clear();
    suppressed = false;
  }

  /** Matches what waits against the held offers; then declines, suppresses or revives. */
  void match(Instant now, Set<String> touchedApps) {
    List<WaitingInstance> waiting = waiting(now);
    if (!held.isEmpty() && !waiting.isEmpty()) {
      MatchResult result = matcher.match(List.copyOf(held.values()), waiting, running());
      Set<String> placedApps = new HashSet<>();
      try {
        for (Launch l : result.launches()) {
          Instance instance = book.instances.get(new InstanceId(l.instanceId()));
          Transition t = InstanceTransitions.apply(instance,
              new LaunchRequest(l.agentId().value(), l.hostname(), l.hostPorts()), now);
          rescind(l.offerId()); // used, even if a later launch of this round fails
          effects.run(t.effects(), l, now, touchedApps);
          placedApps.add(l.appId());
        }
      } finally {
        effects.flushLaunches(); // what was stored goes out, even when a later store write failed
      }
      placedApps.forEach(book.unplaced::remove);
      for (Unplaced u : result.unplaced()) {
        book.unplaced.put(u.appId(), u);
        LOG.debug("Instance {} waits: {}", u.instanceId(), u.vetoes());
      }
      run(lifecycle.afterMatch(result));
    }
    run(lifecycle.decide(new OfferSituation(now, heldOffers(), !waiting(now).isEmpty(), suppressed)));
  }

  private List<WaitingInstance> waiting(Instant now) {
    List<WaitingInstance> out = new ArrayList<>();
    for (Instance i : LaunchQueue.launchable(book.all(), book.delays, now)) {
      App app = apps.get(i.appId()).orElse(null);
      if (app != null && !i.isDecommissioned()) {
        out.add(payloads.waiting(app, i));
      }
    }
    return out;
  }

  private List<RunningInstance> running() {
    List<RunningInstance> out = new ArrayList<>();
    for (Instance i : book.all()) {
      if (i.agentId() != null && i.isActive() && i.host() != null) {
        AgentId agent = new AgentId(i.agentId());
        out.add(new RunningInstance(i.appId(), agent, i.host(), attributes.getOrDefault(agent, Map.of())));
      }
    }
    return out;
  }

  private List<HeldOffer> heldOffers() {
    List<HeldOffer> out = new ArrayList<>();
    receivedAt.forEach((id, at) -> out.add(new HeldOffer(id, at)));
    return out;
  }

  private void run(List<OfferEffect> offerEffects) {
    List<OfferId> declines = new ArrayList<>();
    java.time.Duration refuse = null;
    for (OfferEffect e : offerEffects) {
      if (e instanceof OfferEffect.Decline d) {
        if (held.containsKey(d.offer())) {
          declines.add(d.offer());
          refuse = d.refuse();
          rescind(d.offer());
        }
      } else if (e instanceof OfferEffect.Suppress) {
        LOG.info("Nothing waits to launch: suppressing offers");
        driver.suppress();
        suppressed = true;
      } else if (e instanceof OfferEffect.Revive) {
        LOG.info("Instances wait to launch: reviving offers");
        driver.revive();
        suppressed = false;
      }
    }
    if (!declines.isEmpty()) {
      driver.decline(declines, refuse);
    }
  }
}
