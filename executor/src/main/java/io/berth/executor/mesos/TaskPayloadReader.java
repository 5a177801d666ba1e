package io.berth.executor.mesos;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.executor.TaskPayload;
import java.io.IOException;
import org.apache.mesos.v1.Protos.TaskInfo;

/** Reads the {@link TaskPayload} the scheduler put, as JSON, into {@code TaskInfo.data}. */
final class TaskPayloadReader {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TaskPayloadReader() {}

  /** The payload, or an {@link IllegalArgumentException} saying why the task cannot run. */
  static TaskPayload read(TaskInfo task) {
    String taskId = task.getTaskId().getValue();
    if (!task.hasData() || task.getData().isEmpty()) {
      throw new IllegalArgumentException("task " + taskId + " carries no Berth task payload in its data");
    }
    TaskPayload payload;
    try {
      payload = JSON.readValue(task.getData().toByteArray(), TaskPayload.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("task " + taskId + " has an unreadable task payload: " + e.getMessage(), e);
    }
    if (!taskId.equals(payload.taskId())) {
      throw new IllegalArgumentException("task " + taskId + " carries the payload of task " + payload.taskId());
    }
    return payload;
  }

  /** The JSON the scheduler writes (for tests and tools). */
  static byte[] write(TaskPayload payload) {
    try {
      return JSON.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the payload of " + payload.taskId(), e);
    }
  }
}
