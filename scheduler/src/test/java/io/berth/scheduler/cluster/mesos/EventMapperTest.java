package io.berth.scheduler.cluster.mesos;

import static io.berth.scheduler.cluster.mesos.WireFixtures.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Events recorded as a real master sends them, mapped to Berth's values. */
class EventMapperTest {
  static final String AGENT_0 = RecordedEvents.MASTER + "-S0";

  static MesosEvent map(String json) {
    return EventMapper.map(new MesosCodec(Encoding.JSON).decodeEvent(json.getBytes(StandardCharsets.UTF_8)));
  }

  static TaskStatus status(String json) {
    return ((MesosEvent.StatusUpdate) map(json)).status();
  }

  @Test
  void subscribedGivesTheFrameworkIdAndHeartbeatInterval() {
    assertThat(map(RecordedEvents.SUBSCRIBED))
        .isEqualTo(new MesosEvent.Subscribed(RecordedEvents.MASTER + "-0000", Duration.ofSeconds(15)));
  }

  @Test
  void heartbeatRescindErrorAndFailureMapOneToOne() {
    assertThat(map(RecordedEvents.HEARTBEAT)).isEqualTo(new MesosEvent.Heartbeat());
    assertThat(map(RecordedEvents.RESCIND))
        .isEqualTo(new MesosEvent.Rescinded(new OfferId(RecordedEvents.MASTER + "-O8")));
    assertThat(map(RecordedEvents.ERROR)).isEqualTo(new MesosEvent.MasterError("Framework failed over"));
    assertThat(map(RecordedEvents.FAILURE)).isEqualTo(new MesosEvent.Failure(AGENT_0, "berth-executor.web.1", 256));
  }

  @Test
  void eventsBerthDoesNotUseAreIgnoredByType() {
    assertThat(map(RecordedEvents.INVERSE_OFFERS)).isEqualTo(new MesosEvent.Ignored("INVERSE_OFFERS"));
  }

  @Nested
  class Offers {
    final List<Offer> offers = ((MesosEvent.Offers) map(RecordedEvents.OFFERS)).offers();

    @Test
    void unreservedResourcesOfAMultiRoleFrameworkStayInTheDefaultRole() {
      Offer offer = offers.get(0);

      assertThat(offer.id()).isEqualTo(new OfferId(RecordedEvents.MASTER + "-O7"));
      assertThat(offer.agentId().value()).isEqualTo(AGENT_0);
      assertThat(offer.hostname()).isEqualTo("agent-1.example.com");
      assertThat(offer.resources()).containsExactly(
          new RoleResources("*", new Resources(3.5, 14861, 95000, 0),
              List.of(PortRange.of(31000, 31099), PortRange.of(31200, 31200))),
          new RoleResources("berth", new Resources(0.5, 0, 0, 0), List.of(PortRange.of(8000, 8009))));
    }

    @Test
    void attributesAreTextWithTheFaultDomainAdded() {
      assertThat(offers.get(0).attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "rack", "r12", "cores", "8", "weight", "1.5", "slots", "[1-4, 7-7]", "disks", "{ssd, nvme}",
          "@region", "eu-west", "@zone", "eu-west-1a"));
    }

    @Test
    void refinedReservationsGpusAndRevocableResources() {
      Offer offer = offers.get(1);

      assertThat(offer.attributes()).isEmpty();
      assertThat(offer.resources()).containsExactly(
          new RoleResources("berth", Resources.of(1, 0), List.of()),
          new RoleResources("*", new Resources(0, 0, 0, 2), List.of()));
    }

    @Test
    void portsOutsideTheHostPortRangeAreCutOff() {
      String odd = RecordedEvents.OFFERS.replace("{\"begin\":31000,\"end\":31099},{\"begin\":31200,\"end\":31200}",
          "{\"begin\":0,\"end\":0},{\"begin\":0,\"end\":2},{\"begin\":65530,\"end\":70000}");
      Offer offer = ((MesosEvent.Offers) map(odd)).offers().get(0);

      assertThat(offer.resources().get(0).ports()).containsExactly(PortRange.of(1, 2), PortRange.of(65530, 65535));
    }

    @Test
    void anOfferBerthCannotHoldIsAWireError() {
      String blank = RecordedEvents.OFFERS.replace(RecordedEvents.MASTER + "-O8\"", "\""); // "id":{"value":""}

      assertThatThrownBy(() -> map(blank)).isInstanceOf(MesosWireException.class).hasMessageContaining("OFFERS");
    }

    @Test
    void scalarsAreSummedInMesosFixedPoint() {
      String split = RecordedEvents.OFFERS
          .replace("\"scalar\":{\"value\":3.5}", "\"scalar\":{\"value\":0.1}},{\"name\":\"cpus\",\"type\":\"SCALAR\","
              + "\"scalar\":{\"value\":0.2},\"role\":\"*\",\"allocation_info\":{\"role\":\"berth\"}");
      Offer offer = ((MesosEvent.Offers) map(split)).offers().get(0);

      assertThat(offer.resources().get(0).scalars().cpus()).isEqualTo(0.3);
    }
  }

  @Nested
  class Updates {
    @Test
    void anAgentRelayedUpdateMapsItsStateHealthAndAckId() {
      TaskStatus status = status(RecordedEvents.UPDATE_RUNNING);

      assertThat(status.taskId()).isEqualTo("web.1");
      assertThat(status.agentId()).isEqualTo(AGENT_0);
      assertThat(status.state()).isEqualTo(InstanceState.RUNNING);
      assertThat(status.healthy()).isTrue();
      assertThat(status.message()).isEqualTo("pod running (REASON_TASK_HEALTH_CHECK_STATUS_UPDATED)");
      assertThat(status.fromReconciliation()).isFalse();
      assertThat(status.ackId()).isEqualTo(AGENT_0 + ":++8/i5wKTi2PHmp7PF2eDw==:web.1");
    }

    @Test
    void theUuidRoundTripsFromUpdateToAcknowledge() {
      String ackId = status(RecordedEvents.UPDATE_RUNNING).ackId();

      for (Encoding encoding : Encoding.values()) {
        MesosCodec codec = new MesosCodec(encoding);
        Call ack = codec.decodeCall(codec.encodeCall(Calls.acknowledge("f", AckId.parse(ackId))));
        assertThat(ack.getAcknowledge().getUuid().toByteArray()).containsExactly(UUID);
        assertThat(ack.getAcknowledge().getAgentId().getValue()).isEqualTo(AGENT_0);
        assertThat(ack.getAcknowledge().getTaskId().getValue()).isEqualTo("web.1");
      }
    }

    @Test
    void aReconciliationAnswerHasNoAckIdAndSaysSo() {
      TaskStatus status = status(RecordedEvents.UPDATE_RECONCILED);

      assertThat(status.state()).isEqualTo(InstanceState.UNREACHABLE);
      assertThat(status.ackId()).isNull();
      assertThat(status.fromReconciliation()).isTrue();
      assertThat(status.healthy()).isNull();
      assertThat(status.message()).isEqualTo("REASON_RECONCILIATION");
    }

    @Test
    void aMasterGeneratedUpdateHasNoAckId() {
      TaskStatus status = status(RecordedEvents.UPDATE_AGENT_REMOVED);

      assertThat(status.state()).isEqualTo(InstanceState.GONE_BY_OPERATOR);
      assertThat(status.ackId()).isNull();
      assertThat(status.fromReconciliation()).isFalse();
    }

    @Test
    void everyMesosTaskStateHasAnInstanceState() {
      for (org.apache.mesos.v1.Protos.TaskState state : org.apache.mesos.v1.Protos.TaskState.values()) {
        String json = RecordedEvents.UPDATE_AGENT_REMOVED.replace("TASK_GONE_BY_OPERATOR", state.name());
        assertThat(status(json).state().taskState()).isEqualTo(state == org.apache.mesos.v1.Protos.TaskState.TASK_STAGING
            ? "TASK_STAGING" : state.name());
      }
    }
  }

  @Test
  void unknownEnumValuesInOptionalFieldsAreDroppedAsMesosDoes() {
    String json = RecordedEvents.UPDATE_RUNNING.replace("REASON_TASK_HEALTH_CHECK_STATUS_UPDATED", "REASON_FROM_2030")
        .replace("\"source\":\"SOURCE_EXECUTOR\"", "\"source\":\"SOURCE_SATELLITE\"");

    TaskStatus status = status(json);

    assertThat(status.message()).isEqualTo("pod running");
    assertThat(status.ackId()).isNotNull();
  }

  @Test
  void anUnknownTaskStateIsAWireError() {
    byte[] json = RecordedEvents.UPDATE_RUNNING.replace("TASK_RUNNING", "TASK_FROM_2030").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new MesosCodec(Encoding.JSON).decodeEvent(json)).isInstanceOf(MesosWireException.class);
  }

  @Test
  void anEventMissingRequiredFieldsIsAWireError() {
    byte[] json = "{\"type\":\"UPDATE\",\"update\":{\"status\":{\"state\":\"TASK_RUNNING\"}}}"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new MesosCodec(Encoding.JSON).decodeEvent(json))
        .isInstanceOf(MesosWireException.class).hasMessageContaining("task_id");
    assertThatThrownBy(() -> new MesosCodec(Encoding.JSON).decodeEvent("{\"type\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MesosWireException.class);
    assertThatThrownBy(() -> new MesosCodec(Encoding.PROTOBUF).decodeEvent(new byte[] {0x0a, 0x7f}))
        .isInstanceOf(MesosWireException.class);
  }
}
