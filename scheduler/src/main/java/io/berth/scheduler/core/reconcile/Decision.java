package io.berth.scheduler.core.reconcile;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceEvent;
import io.berth.scheduler.core.instances.InstanceEvent.KillRequest;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.InstanceEvent.UnreachableExpired;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.instances.KillReason;

/**
 * What the reconcilers decide. The engine executes each one:
 * <ul>
 *   <li>{@link Schedule}: store the new SCHEDULED instance (nothing else; offers launch it later);
 *   <li>{@link ForInstance}: run {@code InstanceTransitions.apply(stored, event(), now)} and execute
 *       its effects;
 *   <li>{@link Expunge}: delete the instance from the store;
 *   <li>{@link KillOrphan}: ask the cluster to kill a task the store does not know.
 * </ul>
 */
public sealed interface Decision {

  /** A new instance to store, so that the app has as many as it wants. */
  record Schedule(Instance instance) implements Decision {
    public Schedule {
      requireNonNull(instance, "instance");
      if (instance.state() != InstanceState.SCHEDULED) {
        throw new IllegalArgumentException("only a SCHEDULED instance can be scheduled");
      }
    }
  }

  /** Forget an ended (or long unreachable) instance. */
  record Expunge(InstanceId id) implements Decision {
    public Expunge {
      requireNonNull(id, "id");
    }
  }

  /** Kill a task the cluster runs and the store does not know (agent may be null). */
  record KillOrphan(String taskId, String agentId) implements Decision {
    public KillOrphan {
      requireNonNull(taskId, "taskId");
    }
  }

  /** A decision about a stored instance, carried out as an event through its state machine. */
  sealed interface ForInstance extends Decision {
    InstanceId id();

    InstanceEvent event();
  }

  /** Kill a stored instance (too many, app removed, launch timed out). */
  record KillInstance(InstanceId id, KillReason reason) implements ForInstance {
    public KillInstance {
      requireNonNull(id, "id");
      requireNonNull(reason, "reason");
    }

    @Override
    public InstanceEvent event() {
      return new KillRequest(reason);
    }
  }

  /** Give up an instance unreachable for longer than its app allows; a replacement follows. */
  record ExpireUnreachable(InstanceId id) implements ForInstance {
    public ExpireUnreachable {
      requireNonNull(id, "id");
    }

    @Override
    public InstanceEvent event() {
      return new UnreachableExpired();
    }
  }

  /** At start-up: the cluster still has this stored instance; take over its reported state. */
  record Adopt(InstanceId id, StatusUpdate event) implements ForInstance {
    public Adopt {
      requireNonNull(id, "id");
      requireNonNull(event, "event");
    }
  }

  /** At start-up: the cluster does not have this launched instance: it is lost. */
  record MarkLost(InstanceId id, StatusUpdate event) implements ForInstance {
    public MarkLost {
      requireNonNull(id, "id");
      requireNonNull(event, "event");
    }
  }
}
