package io.berth.scheduler.engine;

import io.berth.scheduler.testing.TestClock;

import io.berth.api.model.App;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.offers.OfferPolicy;
import io.berth.scheduler.core.reconcile.ObservedTask;
import io.berth.scheduler.store.InMemoryAppStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link Engine} with in-memory stores, a {@link FakeClusterDriver} and a clock that only
 * moves when told. Ticks are an hour apart, so only the events a test pushes drive the engine. Each
 * push waits until the engine's thread has handled it (events queue on that thread in order).
 */
final class EngineHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration REFUSE = Duration.ofSeconds(5);
  static final Duration NO_TICKS = Duration.ofHours(1);

  final TestClock clock = new TestClock(START);
  final FlakyInstanceStore store = new FlakyInstanceStore();
  final FakeClusterDriver driver = new FakeClusterDriver();
  private final InMemoryAppStore appStore = new InMemoryAppStore(50);
  private final AtomicInteger deployments = new AtomicInteger();
  private final HelperConfig helpers;
  private final EngineSettings settings;
  AppService apps;
  Engine engine;

  EngineHarness() {
    this(HelperConfig.defaults());
  }

  EngineHarness(HelperConfig helpers) {
    this(helpers, NO_TICKS);
  }

  /** An engine that also ticks every {@code tick} (real time; the clock still moves only when told). */
  EngineHarness(HelperConfig helpers, Duration tick) {
    this.helpers = helpers;
    this.settings = new EngineSettings(tick, Duration.ofSeconds(3), new OfferPolicy(REFUSE, Duration.ofSeconds(10)));
    build();
  }

  private void build() {
    apps = new AppService(appStore, clock, () -> "deployment-" + deployments.incrementAndGet());
    engine = new Engine(apps, store, driver, clock, settings, helpers);
  }

  /** A started engine whose cluster has connected with no tasks. */
  static EngineHarness connected() {
    EngineHarness h = new EngineHarness();
    h.start();
    h.connect();
    return h;
  }

  void start() {
    apps.start();
    try {
      engine.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    engine.stop();
  }

  /**
   * A new scheduler process: the engine stops between two events (as after {@code kill -9}, for
   * the core's effects are written one by one) and a new one starts on the same stores. The cluster
   * keeps running; connect it again to go on.
   */
  void restartScheduler() throws InterruptedException {
    engine.stop();
    build();
    start();
  }

  /** Waits until the engine's thread has handled everything queued so far. */
  void drain() {
    engine.runAndWait(() -> {});
  }

  // --- before the engine starts

  /** An app stored before the engine starts (as a restarted scheduler finds it). */
  App given(AppSpec spec) {
    return apps.create(spec.normalized()).orElseThrow().after();
  }

  /** An instance stored before the engine starts. */
  Instance given(Instance instance) {
    store.put(instance);
    return instance;
  }

  // --- apps

  App create(AppSpec spec) {
    App app = apps.create(spec.normalized()).orElseThrow().after();
    drain();
    return app;
  }

  App app(String id) {
    return apps.get(id).orElseThrow();
  }

  void scale(String appId, int instances) {
    apps.update(app(appId).withInstances(instances)).orElseThrow();
    drain();
  }

  /**
   * An API write that changes nothing but the version: the engine then makes a full pass over all
   * apps, as its periodic tick does (ticks are an hour apart here).
   */
  void fullPass(String appId) {
    apps.update(app(appId)).orElseThrow();
    drain();
  }

  void restart(String appId) {
    apps.restart(appId).orElseThrow();
    drain();
  }

  // --- the cluster

  void connect(ObservedTask... tasks) {
    driver.connected(Arrays.asList(tasks));
    drain();
  }

  void offer(Offer offer) {
    driver.offers(List.of(offer));
    drain();
  }

  /** A big offer: everything waiting (and not delayed) launches. */
  void offerPlenty() {
    offer(OfferBuilder.anOffer().build());
  }

  void report(String taskId, InstanceState state) {
    report(taskId, state, null);
  }

  void report(String taskId, InstanceState state, String ackId) {
    driver.status(new TaskStatus(taskId, OfferBuilder.AGENT, state, null, null, ackId, false));
    drain();
  }

  /** A RUNNING update with a health verdict. */
  void reportHealth(String taskId, boolean healthy) {
    driver.status(new TaskStatus(taskId, OfferBuilder.AGENT, InstanceState.RUNNING, null, healthy, null, false));
    drain();
  }

  /** Reports every launched instance of the app that is still starting as RUNNING. */
  void runLaunched(String appId) {
    for (Instance i : stored(appId)) {
      if (i.state() == InstanceState.PROVISIONED || i.state() == InstanceState.STAGING) {
        report(i.id().value(), InstanceState.RUNNING);
      }
    }
  }

  /** Launches and runs everything the app waits for. */
  void launchAndRun(String appId) {
    offerPlenty();
    runLaunched(appId);
  }

  // --- the store

  List<Instance> stored(String appId) {
    return store.loadAll().stream().filter(i -> i.appId().equals(appId)).toList();
  }

  List<Instance> stored(String appId, InstanceState state) {
    return stored(appId).stream().filter(i -> i.state() == state).toList();
  }

  List<String> storedIds(String appId) {
    return stored(appId).stream().map(i -> i.id().value()).toList();
  }

  Optional<Instance> stored(Instance instance) {
    return store.loadAll().stream().filter(i -> i.id().equals(instance.id())).findFirst();
  }

  EngineTaskQueries queries() {
    return engine.queries();
  }
}
