package io.berth.scheduler.core.instances;

import static java.util.Objects.requireNonNull;

/**
 * What the engine must do after a transition, in the order given. Store effects ({@link Persist},
 * {@link Expunge}) always come before cluster effects ({@link Launch}, {@link Kill}), which come
 * before bookkeeping ({@link Reschedule}, {@link ResetBackoff}), and {@link Acknowledge} is always
 * last: store first, then act, then acknowledge. If the engine stops between two effects, the
 * ones already done are safe on their own (see docs/instances.md).
 */
public sealed interface InstanceEffect {

  /** Write this instance to the store (create or replace), before any effect that follows. */
  record Persist(Instance instance) implements InstanceEffect {
    public Persist {
      requireNonNull(instance, "instance");
    }
  }

  /**
   * Ask the cluster to launch this (stored, PROVISIONED) instance. Emitted exactly once per id, by
   * the SCHEDULED to PROVISIONED transition, right after its {@link Persist}.
   */
  record Launch(Instance instance) implements InstanceEffect {
    public Launch {
      requireNonNull(instance, "instance");
    }
  }

  /** Ask the cluster to kill the task (idempotent; the agent is in the instance). */
  record Kill(Instance instance, KillReason reason) implements InstanceEffect {
    public Kill {
      requireNonNull(instance, "instance");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * An instance meant to run has ended (or been given up): record the failure for the app's
   * backoff when {@code reason.countsForBackoff()}, remember it as the app's last failure, and let
   * the reconciler schedule a replacement with a new id. {@code instance} is its final form.
   */
  record Reschedule(Instance instance, RescheduleReason reason) implements InstanceEffect {
    public Reschedule {
      requireNonNull(instance, "instance");
      requireNonNull(reason, "reason");
    }
  }

  /** Delete the instance from the store: it has ended and nothing more will be done with it. */
  record Expunge(InstanceId id) implements InstanceEffect {
    public Expunge {
      requireNonNull(id, "id");
    }
  }

  /** An instance of the app has become healthy: its launch backoff starts again from zero. */
  record ResetBackoff(String appId) implements InstanceEffect {
    public ResetBackoff {
      requireNonNull(appId, "appId");
    }
  }

  /**
   * Acknowledge a status update of this task to the cluster, after everything before it is done.
   * {@code ackId} is the driver's own token, given back unchanged (for Mesos: agent id and uuid).
   */
  record Acknowledge(InstanceId id, String ackId) implements InstanceEffect {
    public Acknowledge {
      requireNonNull(id, "id");
      requireNonNull(ackId, "ackId");
    }
  }
}
