package io.berth.scheduler.engine;

import io.berth.api.model.HealthCheckResult;
import io.berth.api.model.Task;
import io.berth.api.model.TaskFailure;
import io.berth.scheduler.core.apps.Versions;
import io.berth.scheduler.core.backoff.LaunchQueue;
import io.berth.scheduler.core.backoff.QueueEntry;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceCounts;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Unplaced;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The API's view of the engine's instances: Marathon task JSON, counters, the launch queue. */
public final class EngineTaskQueries implements TaskQueries {

  private final InstanceBook book;
  private final AppService apps;
  private final Clock clock;

  EngineTaskQueries(InstanceBook book, AppService apps, Clock clock) {
    this.book = book;
    this.apps = apps;
    this.clock = clock;
  }

  @Override
  public List<Task> tasks(String appId) {
    return book.ofApp(appId).stream().filter(EngineTaskQueries::isListed)
        .sorted(Comparator.comparing(i -> i.id().value())).map(this::task).toList();
  }

  @Override
  public List<Task> allTasks() {
    return book.all().stream().filter(EngineTaskQueries::isListed)
        .sorted(Comparator.comparing(i -> i.id().value())).map(this::task).toList();
  }

  @Override
  public Optional<TaskFailure> lastFailure(String appId) {
    return Optional.ofNullable(book.lastFailures.get(appId));
  }

  @Override
  public Counts counts(String appId) {
    InstanceCounts c = InstanceCounts.of(book.ofApp(appId));
    return new Counts(c.staged(), c.running(), c.healthy(), c.unhealthy());
  }

  /** The launch queue: what waits, how long its app is delayed, and why no offer fit. */
  public List<Queued> queue() {
    Instant now = clock.instant();
    return LaunchQueue.view(book.all(), book.delays, now).stream()
        .map(e -> new Queued(e, Optional.ofNullable(book.unplaced.get(e.appId())))).toList();
  }

  /** One queue entry with the latest reasons its instances did not fit (if a round has run). */
  public record Queued(QueueEntry entry, Optional<Unplaced> lastRound) {}

  /** Tasks are instances that reached the cluster: not waiting for an offer, not ended. */
  private static boolean isListed(Instance i) {
    return i.state() != InstanceState.SCHEDULED && !i.state().isTerminal();
  }

  private Task task(Instance i) {
    List<HealthCheckResult> health = book.health.getOrDefault(i.id().value(), List.of());
    List<Integer> appPorts = apps.get(i.appId())
        .map(app -> i.hostPorts().subList(0, Math.min(TaskPayloads.appPorts(app).size(), i.hostPorts().size())))
        .orElse(i.hostPorts());
    return new Task(i.id().value(), i.appId(), i.host(), appPorts, List.of(), i.agentId(), i.agentId(),
        i.state().taskState(), format(i.stagedAt()), format(i.startedAt()), i.appVersion(),
        List.of(), health);
  }

  private static String format(Instant t) {
    return t == null ? null : Versions.format(t);
  }

  /** The instance behind a task id, if the engine knows it. */
  public Optional<Instance> instance(String taskId) {
    return Optional.ofNullable(book.get(taskId));
  }
}
