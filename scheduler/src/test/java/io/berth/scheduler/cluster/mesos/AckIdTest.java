package io.berth.scheduler.cluster.mesos;

import static io.berth.scheduler.cluster.mesos.WireFixtures.AGENT_ID;
import static io.berth.scheduler.cluster.mesos.WireFixtures.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AckIdTest {

  @Test
  void rendersAgentThenBase64UuidThenTask() {
    assertThat(new AckId(AGENT_ID, UUID, "web.1").render()).isEqualTo(AGENT_ID + ":++8/i5wKTi2PHmp7PF2eDw==:web.1");
  }

  @Test
  void parsesWhatItRenders() {
    AckId ack = new AckId(AGENT_ID, UUID, "app:with:colons.42");

    AckId parsed = AckId.parse(ack.render());

    assertThat(parsed).isEqualTo(ack);
    assertThat(parsed.uuid()).containsExactly(UUID);
    assertThat(parsed.taskId()).isEqualTo("app:with:colons.42");
  }

  @Test
  void theUuidCannotBeChangedFromOutside() {
    byte[] uuid = UUID.clone();
    AckId ack = new AckId(AGENT_ID, uuid, "t");
    uuid[0] = 0;
    ack.uuid()[1] = 0;

    assertThat(ack.uuid()).containsExactly(UUID);
  }

  @Test
  void onlySixteenByteUuidsAreAccepted() {
    assertThatThrownBy(() -> new AckId(AGENT_ID, new byte[15], "t")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AckId.parse(AGENT_ID + ":AAAAAAAAAAAA:t")) // 9 bytes: a master answers 400
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void garbageIsRejected() {
    assertThatThrownBy(() -> AckId.parse("no-colons")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AckId.parse(AGENT_ID + ":%%%:t")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AckId("a:b", UUID, "t")).isInstanceOf(IllegalArgumentException.class);
  }
}
