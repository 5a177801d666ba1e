package io.berth.scheduler.engine;

import io.berth.api.model.HealthCheckResult;
import io.berth.api.model.TaskFailure;
import io.berth.scheduler.core.backoff.LaunchDelay;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.matching.Unplaced;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine knows right now: the instances as stored, launch delays, last failures, health
 * results and why instances wait. Written only by the engine's thread, after the store; read by
 * API threads (concurrent maps, immutable values).
 */
final class InstanceBook {

  final Map<InstanceId, Instance> instances = new ConcurrentHashMap<>();
  final Map<String, LaunchDelay> delays = new ConcurrentHashMap<>();
  final Map<String, TaskFailure> lastFailures = new ConcurrentHashMap<>();
  final Map<String, List<HealthCheckResult>> health = new ConcurrentHashMap<>();
  final Map<String, Unplaced> unplaced = new ConcurrentHashMap<>();
  /** The same instances by app, so that per-app reads cost the app's instances, not all of them. */
  private final Map<String, Map<InstanceId, Instance>> byApp = new ConcurrentHashMap<>();

  Collection<Instance> all() {
    return instances.values();
  }

  List<Instance> ofApp(String appId) {
    Map<InstanceId, Instance> ofApp = byApp.get(appId);
    return ofApp == null ? List.of() : List.copyOf(ofApp.values());
  }

  Instance get(String taskId) {
    return InstanceId.isValid(taskId) ? instances.get(new InstanceId(taskId)) : null;
  }

  void put(Instance instance) {
    instances.put(instance.id(), instance);
    byApp.computeIfAbsent(instance.appId(), k -> new ConcurrentHashMap<>()).put(instance.id(), instance);
  }

  void remove(InstanceId id) {
    Instance gone = instances.remove(id);
    if (gone != null) {
      byApp.computeIfPresent(gone.appId(), (k, ofApp) -> {
        ofApp.remove(id);
        return ofApp.isEmpty() ? null : ofApp;
      });
    }
    health.remove(id.value());
  }
}
