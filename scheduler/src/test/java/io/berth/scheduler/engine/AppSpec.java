package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.api.model.HealthCheck;
import io.berth.api.model.UnreachableStrategy;
import io.berth.api.model.UpgradeStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * App definitions for engine tests: {@code anApp("/team/web").withInstances(2)} is a small command
 * app (0.1 cpus, 32 MB, one dynamic host port); each {@code with…} says what a test is about.
 */
final class AppSpec {

  private final App.Builder app;
  private final Map<String, String> labels = new LinkedHashMap<>();

  private AppSpec(String id) {
    this.app = App.builder().id(id).cmd("sleep 1000").cpus(0.1).mem(32.0).instances(1);
  }

  static AppSpec anApp(String id) {
    return new AppSpec(id);
  }

  AppSpec withInstances(int instances) {
    app.instances(instances);
    return this;
  }

  AppSpec withCpus(double cpus) {
    app.cpus(cpus);
    return this;
  }

  AppSpec withLabel(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Helpers (fluentd, Sensu) off for this app. */
  AppSpec withoutHelpers() {
    return withLabel(TaskPayloads.HELPERS_LABEL, "off");
  }

  /** A Marathon constraint, e.g. {@code withConstraint("hostname", "UNIQUE")}. */
  AppSpec withConstraint(String... constraint) {
    app.constraints(List.of(List.of(constraint)));
    return this;
  }

  AppSpec withBackoffSeconds(int seconds) {
    app.backoffSeconds(seconds);
    return this;
  }

  AppSpec withKillSelection(String selection) {
    app.killSelection(selection);
    return this;
  }

  AppSpec withUpgradeStrategy(double minimumHealthCapacity, double maximumOverCapacity) {
    app.upgradeStrategy(new UpgradeStrategy(minimumHealthCapacity, maximumOverCapacity));
    return this;
  }

  AppSpec withHealthCheck(HealthCheck check) {
    app.healthChecks(List.of(check));
    return this;
  }

  AppSpec withUnreachableStrategy(long inactiveAfterSeconds, long expungeAfterSeconds) {
    app.unreachableStrategy(UnreachableStrategy.of(inactiveAfterSeconds, expungeAfterSeconds));
    return this;
  }

  /** The normalized definition, as the API hands it to {@link AppService}. */
  App normalized() {
    return app.labels(labels.isEmpty() ? null : Map.copyOf(labels)).build().normalized();
  }
}
