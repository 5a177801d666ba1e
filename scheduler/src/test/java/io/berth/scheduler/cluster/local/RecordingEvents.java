package io.berth.scheduler.cluster.local;

import static org.awaitility.Awaitility.await;

import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a driver reports, in order, and waits for it. */
final class RecordingEvents implements ClusterEvents {

  final List<Object> all = new CopyOnWriteArrayList<>();
  final List<List<ObservedTask>> connected = new CopyOnWriteArrayList<>();
  final List<Offer> offers = new CopyOnWriteArrayList<>();
  final List<OfferId> rescinded = new CopyOnWriteArrayList<>();
  final List<TaskStatus> statuses = new CopyOnWriteArrayList<>();
  final List<List<HealthCheckResult>> healthResults = new CopyOnWriteArrayList<>();

  @Override
  public void onConnected(List<ObservedTask> tasks, java.util.Set<String> unconfirmed) {
    connected.add(tasks);
    all.add(tasks);
  }

  @Override
  public void onDisconnected(String why) {
    all.add(why);
  }

  @Override
  public void onOffers(List<Offer> list) {
    offers.addAll(list);
    all.addAll(list);
  }

  @Override
  public void onRescinded(OfferId offer) {
    rescinded.add(offer);
    all.add(offer);
  }

  @Override
  public void onStatus(TaskStatus status) {
    statuses.add(status);
    all.add(status);
  }

  @Override
  public List<io.berth.scheduler.cluster.ClusterDriver.TaskRef> knownTasks() {
    return List.of();
  }

  @Override
  public void onHealthResults(String taskId, List<HealthCheckResult> results) {
    healthResults.add(results);
    all.add(results);
  }

  List<ObservedTask> awaitConnected() {
    await().atMost(Duration.ofSeconds(10)).until(() -> !connected.isEmpty());
    return connected.get(0);
  }

  /** The newest offer, once there are {@code count} offers. */
  Offer awaitOffer(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> offers.size() >= count);
    return offers.get(offers.size() - 1);
  }

  Offer lastOffer() {
    return offers.get(offers.size() - 1);
  }

  List<TaskStatus> of(String taskId) {
    return statuses.stream().filter(s -> s.taskId().equals(taskId)).toList();
  }

  List<InstanceState> statesOf(String taskId) {
    return of(taskId).stream().map(TaskStatus::state).toList();
  }

  TaskStatus awaitState(String taskId, InstanceState state) {
    await().atMost(Duration.ofSeconds(60)).until(() -> statesOf(taskId).contains(state));
    return of(taskId).stream().filter(s -> s.state() == state).findFirst().orElseThrow();
  }
}
