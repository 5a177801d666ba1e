package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.berth.api.executor.TaskPayload;
import io.berth.executor.pod.TaskPayloads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.junit.jupiter.api.Test;

class TaskPayloadReaderTest {

  static TaskPayload aPayload(String taskId) {
    TaskPayload p = TaskPayloads.aTask(TaskPayloads.aBridgeApp("busybox:1", 8080).build(), List.of(31001));
    return new TaskPayload(taskId, p.app(), p.host(), p.agentId(), p.hostPorts(), p.fluentdHostPort(), p.helpers(),
        p.defaultImage());
  }

  static TaskInfo carrying(String taskId, TaskPayload payload) {
    return ExecutorStateTest.aTask(taskId).toBuilder()
        .setData(ByteString.copyFrom(TaskPayloadReader.write(payload))).build();
  }

  @Test
  void readsThePayloadTheSchedulerWrote() {
    TaskPayload payload = aPayload("team_web.1");

    assertThat(TaskPayloadReader.read(carrying("team_web.1", payload))).isEqualTo(payload);
  }

  @Test
  void aTaskWithoutDataCannotRun() {
    assertThatThrownBy(() -> TaskPayloadReader.read(ExecutorStateTest.aTask("t1")))
        .hasMessage("task t1 carries no Berth task payload in its data");
  }

  @Test
  void unreadableDataSaysSo() {
    TaskInfo task = ExecutorStateTest.aTask("t1").toBuilder()
        .setData(ByteString.copyFrom("not json", StandardCharsets.UTF_8)).build();

    assertThatThrownBy(() -> TaskPayloadReader.read(task)).hasMessageStartingWith("task t1 has an unreadable task payload");
  }

  @Test
  void thePayloadMustBeThisTasks() {
    assertThatThrownBy(() -> TaskPayloadReader.read(carrying("t1", aPayload("t2"))))
        .hasMessage("task t1 carries the payload of task t2");
  }
}
