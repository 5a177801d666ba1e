package io.berth.scheduler.core.deployments;

import static java.util.Objects.requireNonNull;

import io.berth.api.model.App;

/**
 * What a replacement aims at: {@code instances} instances of the app's current configuration.
 * Instances started from a version older than {@code configVersion} run an old configuration
 * (a scale-only change makes a new version but keeps {@code configVersion}: nothing is replaced).
 */
public record ReplacementTarget(String appId, String version, String configVersion, int instances,
                                double minimumHealthCapacity, double maximumOverCapacity, boolean hasHealthChecks) {

  public ReplacementTarget {
    requireNonNull(appId, "appId");
    requireNonNull(version, "version");
    requireNonNull(configVersion, "configVersion");
  }

  /** From a stored (normalized, versioned) app. */
  public static ReplacementTarget of(App app) {
    String config = app.versionInfo() != null && app.versionInfo().lastConfigChangeAt() != null
        ? app.versionInfo().lastConfigChangeAt() : app.version();
    return new ReplacementTarget(app.id(), app.version(), config, app.instances(),
        app.upgradeStrategy().minimumHealthCapacity(), app.upgradeStrategy().maximumOverCapacity(),
        !app.healthChecks().isEmpty());
  }
}
