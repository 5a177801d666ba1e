package io.berth.scheduler.core.reconcile;

import io.berth.api.model.KillSelection;
import io.berth.api.model.UnreachableStrategy;

/** {@code anApp("/team/web").withInstances(3).oldestFirst().build()}. */
final class DesiredAppBuilder {

  static final String VERSION = "2026-01-01T00:00:00.000Z";

  private final String appId;
  private int instances = 1;
  private KillSelection killSelection = KillSelection.YOUNGEST_FIRST;
  private UnreachableStrategy unreachable = UnreachableStrategy.DEFAULT;

  private DesiredAppBuilder(String appId) {
    this.appId = appId;
  }

  static DesiredAppBuilder anApp(String appId) {
    return new DesiredAppBuilder(appId);
  }

  DesiredAppBuilder withInstances(int count) {
    this.instances = count;
    return this;
  }

  DesiredAppBuilder oldestFirst() {
    this.killSelection = KillSelection.OLDEST_FIRST;
    return this;
  }

  DesiredAppBuilder youngestFirst() {
    this.killSelection = KillSelection.YOUNGEST_FIRST;
    return this;
  }

  DesiredAppBuilder unreachableInactiveAfter(long inactiveSeconds, long expungeSeconds) {
    this.unreachable = UnreachableStrategy.of(inactiveSeconds, expungeSeconds);
    return this;
  }

  DesiredAppBuilder unreachableDisabled() {
    this.unreachable = UnreachableStrategy.DISABLED;
    return this;
  }

  DesiredApp build() {
    return new DesiredApp(appId, VERSION, instances, killSelection, unreachable);
  }
}
