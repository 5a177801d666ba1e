package io.berth.scheduler.core.reconcile;

import static java.util.Objects.requireNonNull;

import io.berth.api.model.App;
import io.berth.api.model.KillSelection;
import io.berth.api.model.UnreachableStrategy;

/**
 * What the reconciler needs of an app definition: how many instances of which version, which go
 * first when there are too many, and when unreachable ones are replaced and forgotten.
 */
public record DesiredApp(String appId, String version, int instances, KillSelection killSelection,
                         UnreachableStrategy unreachableStrategy) {

  public DesiredApp {
    requireNonNull(appId, "appId");
    requireNonNull(version, "version");
    requireNonNull(killSelection, "killSelection");
    requireNonNull(unreachableStrategy, "unreachableStrategy");
    if (instances < 0) {
      throw new IllegalArgumentException("instances must not be negative");
    }
  }

  /** From a stored (normalized, versioned) app definition. */
  public static DesiredApp of(App app) {
    App n = app.normalized();
    return new DesiredApp(n.id(), requireNonNull(app.version(), "app version"), n.instances(),
        KillSelection.valueOf(n.killSelection()), n.unreachableStrategy());
  }

  public DesiredApp withInstances(int count) {
    return new DesiredApp(appId, version, count, killSelection, unreachableStrategy);
  }
}
