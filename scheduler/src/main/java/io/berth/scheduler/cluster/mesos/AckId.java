package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Base64;

/**
 * What an ACKNOWLEDGE needs, as the one string {@link io.berth.scheduler.cluster.TaskStatus#ackId()}
 * carries through the engine: {@code <agent id>:<base64 uuid>:<task id>}. The task id comes last
 * because ACKNOWLEDGE requires it too and it is the one part that may contain a colon; Mesos agent
 * ids ({@code <master id>-S<n>}) and standard Base64 never do.
 */
public record AckId(String agentId, byte[] uuid, String taskId) {
  /** Mesos rejects (400) an ACKNOWLEDGE whose uuid is not exactly this long. */
  public static final int UUID_BYTES = 16;

  public AckId {
    requireNonNull(agentId, "agentId");
    requireNonNull(uuid, "uuid");
    requireNonNull(taskId, "taskId");
    if (agentId.isEmpty() || agentId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("agent id must be non-empty and without ':', was '" + agentId + "'");
    }
    if (uuid.length != UUID_BYTES) {
      throw new IllegalArgumentException("uuid must be " + UUID_BYTES + " bytes, was " + uuid.length);
    }
    if (taskId.isEmpty()) {
      throw new IllegalArgumentException("task id must not be empty");
    }
    uuid = uuid.clone();
  }

  public static AckId parse(String value) {
    requireNonNull(value, "value");
    int first = value.indexOf(':');
    int second = first < 0 ? -1 : value.indexOf(':', first + 1);
    if (first < 0 || second < 0) {
      throw new IllegalArgumentException("not an ack id: '" + value + "'");
    }
    byte[] uuid;
    try {
      uuid = Base64.getDecoder().decode(value.substring(first + 1, second));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an ack id (bad uuid): '" + value + "'", e);
    }
    return new AckId(value.substring(0, first), uuid, value.substring(second + 1));
  }

  @Override
  public byte[] uuid() {
    return uuid.clone();
  }

  public String render() {
    return agentId + ":" + Base64.getEncoder().encodeToString(uuid) + ":" + taskId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AckId that && agentId.equals(that.agentId) && Arrays.equals(uuid, that.uuid)
        && taskId.equals(that.taskId);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * agentId.hashCode() + Arrays.hashCode(uuid)) + taskId.hashCode();
  }

  @Override
  public String toString() {
    return render();
  }
}
