package io.berth.executor.support;

import io.berth.api.model.HealthCheckResult;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every status a runner reports, for assertions. */
public final class RecordingListener implements PodListener {

  /** One reported status. */
  public record Update(String taskId, PodStatus status, String message, Boolean healthy) {}

  private final List<Update> updates = new CopyOnWriteArrayList<>();
  private final List<List<HealthCheckResult>> healthResults = new CopyOnWriteArrayList<>();

  @Override
  public void onStatus(String taskId, PodStatus status, String message, Boolean healthy) {
    updates.add(new Update(taskId, status, message, healthy));
  }

  @Override
  public void onHealthResults(String taskId, List<HealthCheckResult> results) {
    healthResults.add(results);
  }

  public List<Update> of(String taskId) {
    return updates.stream().filter(u -> u.taskId().equals(taskId)).toList();
  }

  public Optional<Update> last(String taskId) {
    List<Update> mine = of(taskId);
    return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
  }

  public boolean saw(String taskId, PodStatus status) {
    return of(taskId).stream().anyMatch(u -> u.status() == status);
  }

  public List<List<HealthCheckResult>> healthResults() {
    return List.copyOf(healthResults);
  }
}
