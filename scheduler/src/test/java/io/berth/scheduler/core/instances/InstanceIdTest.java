package io.berth.scheduler.core.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstanceIdTest {

  @Test
  void isTheAppIdWithUnderscoresAndTheUuid() {
    InstanceId id = InstanceId.forApp("/team/web", "6f0f2c1e-0000-4000-8000-000000000001");

    assertThat(id.value()).isEqualTo("team_web.6f0f2c1e-0000-4000-8000-000000000001");
    assertThat(id.appId()).isEqualTo("/team/web");
    assertThat(id.uuid()).isEqualTo("6f0f2c1e-0000-4000-8000-000000000001");
  }

  @Test
  void readsBackAppIdsWithDotsInTheirSegments() {
    InstanceId id = InstanceId.forApp("/my.group/web.v2", UUID.fromString("6f0f2c1e-0000-4000-8000-000000000001"));

    assertThat(id.value()).isEqualTo("my.group_web.v2.6f0f2c1e-0000-4000-8000-000000000001");
    assertThat(id.appId()).isEqualTo("/my.group/web.v2");
  }

  @Test
  void rejectsStringsThatAreNotTaskIds() {
    assertThat(InstanceId.isValid("mesos-1234")).isFalse();
    assertThat(InstanceId.isValid("web.")).isFalse();
    assertThat(InstanceId.isValid("_web.abc")).isFalse();
    assertThat(InstanceId.isValid("Web.abc")).isFalse();
    assertThat(InstanceId.isValid("web.abc")).isTrue();
    assertThatThrownBy(() -> new InstanceId("no uuid here"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no uuid here");
  }

  @Test
  void anInstanceBelongsToTheAppOfItsId() {
    assertThat(Instance.scheduled(InstanceId.forApp("/web", "a1"), "v1", InstanceBuilder.T0).appId())
        .isEqualTo("/web");
    assertThatThrownBy(() -> new Instance(InstanceId.forApp("/web", "a1"), "/db", "v1", null, null,
        null, InstanceState.SCHEDULED, null, null, null, InstanceBuilder.T0, null, Goal.RUNNING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLaunchedInstanceHasAnAgent() {
    assertThatThrownBy(() -> new Instance(InstanceId.forApp("/web", "a1"), "/web", "v1", null, null,
        null, InstanceState.RUNNING, null, null, null, InstanceBuilder.T0, null, Goal.RUNNING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no agent");
  }
}
