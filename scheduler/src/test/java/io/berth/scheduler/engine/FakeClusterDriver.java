package io.berth.scheduler.engine;

import io.berth.api.executor.TaskPayload;
import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.LaunchSpec;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.reconcile.ObservedTask;
import io.berth.scheduler.core.matching.OfferId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A cluster that runs nothing: it records every call the engine makes, in order, and lets a test
 * push what a cluster would report. Hooks ({@link #whenLaunching}, {@link #whenAcknowledging}) run
 * on the engine's thread at the moment of the call, so a test can see what was stored by then.
 */
final class FakeClusterDriver implements ClusterDriver {

  /** One call the engine made. */
  sealed interface Call {}

  record Launched(OfferId offer, TaskPayload payload) implements Call {}

  record Adopted(TaskPayload payload) implements Call {}

  record Killed(String taskId, String agentId, Duration grace) implements Call {}

  record Acknowledged(String ackId) implements Call {}

  record Declined(List<OfferId> offers, Duration refuse) implements Call {}

  record Suppressed() implements Call {}

  record Revived() implements Call {}

  record Reconciled(List<TaskRef> tasks) implements Call {}

  private final List<Call> calls = new ArrayList<>();
  private final List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile ClusterEvents events;
  private volatile boolean stopped;
  private volatile Consumer<Launched> onLaunch = l -> {};
  private volatile Consumer<String> onAcknowledge = a -> {};

  // --- the port, as the engine sees it

  @Override
  public void start(ClusterEvents events) {
    this.events = events;
  }

  @Override
  public void launch(OfferId offer, List<LaunchSpec> tasks) {
    batches.add(tasks.size());
    for (LaunchSpec spec : tasks) {
      Launched call = new Launched(offer, spec.task());
      onLaunch.accept(call);
      record(call);
    }
  }

  /** How many tasks each launch call carried, in call order. */
  List<Integer> launchBatches() {
    return List.copyOf(batches);
  }

  @Override
  public void adopt(TaskPayload task) {
    record(new Adopted(task));
  }

  @Override
  public void kill(String taskId, String agentId, Duration grace) {
    record(new Killed(taskId, agentId, grace));
  }

  @Override
  public void acknowledge(String ackId) {
    onAcknowledge.accept(ackId);
    record(new Acknowledged(ackId));
  }

  @Override
  public void decline(Collection<OfferId> offers, Duration refuse) {
    record(new Declined(List.copyOf(offers), refuse));
  }

  @Override
  public void suppress() {
    record(new Suppressed());
  }

  @Override
  public void revive() {
    record(new Revived());
  }

  @Override
  public void reconcile(List<TaskRef> tasks) {
    record(new Reconciled(List.copyOf(tasks)));
  }

  @Override
  public void stop() {
    stopped = true;
  }

  // --- what a test pushes (the engine queues each on its thread, in order)

  void connected(List<ObservedTask> tasks) {
    events().onConnected(tasks);
  }

  void disconnected(String why) {
    events().onDisconnected(why);
  }

  void offers(List<Offer> offers) {
    events().onOffers(offers);
  }

  void status(TaskStatus status) {
    events().onStatus(status);
  }

  void healthResults(String taskId, List<HealthCheckResult> results) {
    events().onHealthResults(taskId, results);
  }

  void whenLaunching(Consumer<Launched> hook) {
    this.onLaunch = hook;
  }

  void whenAcknowledging(Consumer<String> hook) {
    this.onAcknowledge = hook;
  }

  // --- what the engine did

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  <T extends Call> List<T> calls(Class<T> type) {
    return calls().stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<Launched> launches() {
    return calls(Launched.class);
  }

  List<Killed> kills() {
    return calls(Killed.class);
  }

  List<String> killedIds() {
    return kills().stream().map(Killed::taskId).toList();
  }

  List<String> acknowledged() {
    return calls(Acknowledged.class).stream().map(Acknowledged::ackId).toList();
  }

  /** Forgets the calls so far (the hooks stay). */
  synchronized void forget() {
    calls.clear();
  }

  boolean isStarted() {
    return events != null;
  }

  boolean isStopped() {
    return stopped;
  }

  private synchronized void record(Call call) {
    calls.add(call);
  }

  private ClusterEvents events() {
    if (events == null) {
      throw new IllegalStateException("the engine has not started the driver");
    }
    return events;
  }
}
