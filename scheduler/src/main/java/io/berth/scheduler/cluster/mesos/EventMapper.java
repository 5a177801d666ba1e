package io.berth.scheduler.cluster.mesos;

import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.OfferId;
import java.time.Duration;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** Turns a decoded scheduler {@link Event} into a {@link MesosEvent}; pure. */
public final class EventMapper {
  /** What Mesos 1.11 uses when a SUBSCRIBED event does not say. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

  private EventMapper() {}

  /** Fails with {@link MesosWireException} for an event Berth's values cannot hold (a blank id). */
  public static MesosEvent map(Event event) {
    try {
      return mapChecked(event);
    } catch (IllegalArgumentException e) {
      throw new MesosWireException("cannot map " + event.getType() + " event: " + e.getMessage(), e);
    }
  }

  private static MesosEvent mapChecked(Event event) {
    return switch (event.getType()) {
      case SUBSCRIBED -> subscribed(event.getSubscribed());
      case OFFERS -> new MesosEvent.Offers(event.getOffers().getOffersList().stream().map(OfferMapper::map).toList());
      case RESCIND -> new MesosEvent.Rescinded(new OfferId(event.getRescind().getOfferId().getValue()));
      case UPDATE -> new MesosEvent.StatusUpdate(status(event.getUpdate().getStatus()));
      case HEARTBEAT -> new MesosEvent.Heartbeat();
      case FAILURE -> failure(event.getFailure());
      case ERROR -> new MesosEvent.MasterError(event.getError().getMessage());
      default -> new MesosEvent.Ignored(event.getType().name());
    };
  }

  private static MesosEvent subscribed(Event.Subscribed subscribed) {
    Duration heartbeat = subscribed.hasHeartbeatIntervalSeconds() && subscribed.getHeartbeatIntervalSeconds() > 0
        ? Duration.ofMillis(Math.round(subscribed.getHeartbeatIntervalSeconds() * 1000))
        : DEFAULT_HEARTBEAT;
    return new MesosEvent.Subscribed(subscribed.getFrameworkId().getValue(), heartbeat);
  }

  private static MesosEvent failure(Event.Failure failure) {
    return new MesosEvent.Failure(
        failure.hasAgentId() ? failure.getAgentId().getValue() : null,
        failure.hasExecutorId() ? failure.getExecutorId().getValue() : null,
        failure.hasStatus() ? failure.getStatus() : null);
  }

  /**
   * A task status. It gets an ack id only when it carries a uuid (agent-relayed updates do;
   * reconciliation answers and master-generated updates do not and must never be acknowledged).
   */
  static TaskStatus status(org.apache.mesos.v1.Protos.TaskStatus status) {
    String taskId = status.getTaskId().getValue();
    String agentId = status.hasAgentId() ? status.getAgentId().getValue() : null;
    String ackId = status.hasUuid() && agentId != null
        ? new AckId(agentId, status.getUuid().toByteArray(), taskId).render()
        : null;
    return new TaskStatus(taskId, agentId, InstanceState.fromTaskState(status.getState().name()),
        message(status), status.hasHealthy() ? status.getHealthy() : null, ackId,
        status.getReason() == org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_RECONCILIATION);
  }

  /** The message, with the reason after it (the reason often says more, e.g. a registration timeout). */
  private static String message(org.apache.mesos.v1.Protos.TaskStatus status) {
    String message = status.hasMessage() && !status.getMessage().isBlank() ? status.getMessage() : null;
    String reason = status.hasReason() ? status.getReason().name() : null;
    if (message != null && reason != null) {
      return message + " (" + reason + ")";
    }
    return message != null ? message : reason;
  }
}
