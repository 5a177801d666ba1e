package io.berth.executor.mesos;

import com.google.protobuf.ByteString;
import io.berth.executor.mesos.ExecutorAction.Subscription;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;

/** Builds this executor's calls: every one names the framework and the executor. */
final class ExecutorCalls {

  private final FrameworkID frameworkId;
  private final ExecutorID executorId;

  ExecutorCalls(String frameworkId, String executorId) {
    this.frameworkId = FrameworkID.newBuilder().setValue(frameworkId).build();
    this.executorId = ExecutorID.newBuilder().setValue(executorId).build();
  }

  Call subscribe(Subscription s) {
    Call.Subscribe.Builder subscribe = Call.Subscribe.newBuilder().addAllUnacknowledgedTasks(s.unacknowledgedTasks());
    s.unacknowledgedUpdates().forEach(u -> subscribe.addUnacknowledgedUpdates(Call.Update.newBuilder().setStatus(u)));
    return envelope(Call.Type.SUBSCRIBE).setSubscribe(subscribe).build();
  }

  Call update(TaskStatus status) {
    return envelope(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(status)).build();
  }

  private Call.Builder envelope(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(frameworkId).setExecutorId(executorId);
  }

  /** A fresh update uuid: 16 random bytes, as the agent requires. */
  static ByteString newUuid() {
    UUID uuid = UUID.randomUUID();
    return ByteString.copyFrom(ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
  }

  /** A uuid as text, for logs. */
  static String show(ByteString uuid) {
    if (uuid.size() != 16) {
      return uuid.toStringUtf8();
    }
    ByteBuffer b = uuid.asReadOnlyByteBuffer();
    return new UUID(b.getLong(), b.getLong()).toString();
  }
}
