package io.berth.scheduler.testing.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.mesos.Encoding;
import java.nio.charset.StandardCharsets;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.executor.Protos.Event;
import org.junit.jupiter.api.Test;

/** JSON events print defaulted fields as Mesos does (reference section 1.4, rule 7). */
class JsonDefaultsTest {

  @Test
  @SuppressWarnings("deprecation")
  void unsetFieldsWithADeclaredDefaultArePrintedButDeprecatedOnesAreNot() {
    Event subscribed = Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
        .setFrameworkInfo(FrameworkInfo.newBuilder().setUser("root").setName("berth"))
        .setExecutorInfo(org.apache.mesos.v1.Protos.ExecutorInfo.newBuilder()
            .setExecutorId(org.apache.mesos.v1.Protos.ExecutorID.newBuilder().setValue("e"))
            .setCommand(CommandInfo.newBuilder().setValue("run").addUris(CommandInfo.URI.newBuilder().setValue("u"))))
        .setAgentInfo(org.apache.mesos.v1.Protos.AgentInfo.newBuilder().setHostname("agent-0")))
        .build();
    String json = new String(Wire.encode(subscribed, Encoding.JSON), StandardCharsets.UTF_8);

    assertThat(json).contains("\"failover_timeout\":0.0", "\"checkpoint\":false", "\"shell\":true",
        "\"extract\":true", "\"port\":5051");
    assertThat(json).doesNotContain("\"role\"");
    assertThat(Wire.encode(subscribed, Encoding.PROTOBUF)).isEqualTo(subscribed.toByteArray());
  }
}
