package io.berth.scheduler.core.apps;

import io.berth.api.model.App;
import io.berth.api.model.VersionInfo;
import java.time.Instant;
import java.util.Objects;

/** Stamps versions onto definitions: a scale-only change keeps {@code lastConfigChangeAt}. */
public final class AppChanges {

  private AppChanges() {}

  /** A brand-new app at {@code now}. */
  public static App created(App normalized, Instant now) {
    String version = Versions.next(now, null);
    return normalized.withVersion(version, new VersionInfo(version, version));
  }

  /** {@code next} replacing {@code current} at {@code now}. */
  public static App updated(App current, App next, Instant now) {
    String version = Versions.next(now, current.version());
    boolean configChanged = !sameConfig(current, next);
    VersionInfo old = current.versionInfo() == null
        ? new VersionInfo(current.version(), current.version()) : current.versionInfo();
    return next.withVersion(version,
        new VersionInfo(version, configChanged ? version : old.lastConfigChangeAt()));
  }

  /**
   * A restart of {@code current} at {@code now}: the same definition at a new version, counted as a
   * configuration change (as Marathon's restart does) so that every instance gets replaced.
   */
  public static App restarted(App current, Instant now) {
    String version = Versions.next(now, current.version());
    return current.withVersion(version, new VersionInfo(version, version));
  }

  /** True when the two definitions differ at most in instances (and in version stamps). */
  public static boolean sameConfig(App a, App b) {
    return Objects.equals(strip(a), strip(b));
  }

  /** True when nothing but the version stamps differ. */
  public static boolean sameDefinition(App a, App b) {
    return Objects.equals(a.withVersion(null, null), b.withVersion(null, null));
  }

  private static App strip(App app) {
    return app.withVersion(null, null).withInstances(0);
  }
}
