package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import java.time.Duration;
import java.util.List;

/** A scheduler event from the master, in Berth's terms (see {@link EventMapper}). */
public sealed interface MesosEvent {

  /** First event of every subscription. */
  record Subscribed(String frameworkId, Duration heartbeatInterval) implements MesosEvent {
    public Subscribed {
      requireNonNull(frameworkId, "frameworkId");
      requireNonNull(heartbeatInterval, "heartbeatInterval");
    }
  }

  record Offers(List<Offer> offers) implements MesosEvent {
    public Offers {
      offers = List.copyOf(offers);
    }
  }

  record Rescinded(OfferId offerId) implements MesosEvent {
    public Rescinded {
      requireNonNull(offerId, "offerId");
    }
  }

  record StatusUpdate(TaskStatus status) implements MesosEvent {
    public StatusUpdate {
      requireNonNull(status, "status");
    }
  }

  record Heartbeat() implements MesosEvent {}

  /**
   * An agent was removed (only {@code agentId}), or an executor ended ({@code executorId} and its
   * raw wait {@code status} too). Not reliable and in no fixed order with the task updates.
   */
  record Failure(String agentId, String executorId, Integer status) implements MesosEvent {}

  /** The master refused or dropped the subscription; the stream closes after it. */
  record MasterError(String message) implements MesosEvent {
    public MasterError {
      requireNonNull(message, "message");
    }
  }

  /** An event Berth does not act on (inverse offers, operation updates, messages, unknown types). */
  record Ignored(String type) implements MesosEvent {
    public Ignored {
      requireNonNull(type, "type");
    }
  }
}
