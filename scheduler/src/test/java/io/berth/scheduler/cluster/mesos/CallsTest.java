package io.berth.scheduler.cluster.mesos;

import static io.berth.scheduler.cluster.mesos.WireFixtures.AGENT_ID;
import static io.berth.scheduler.cluster.mesos.WireFixtures.FRAMEWORK_ID;
import static io.berth.scheduler.cluster.mesos.WireFixtures.JAR_URI;
import static io.berth.scheduler.cluster.mesos.WireFixtures.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallsTest {

  static JsonNode json(String name) {
    return JsonKeys.tree(new MesosCodec(Encoding.JSON).encodeCall(WireFixtures.allCalls().get(name)));
  }

  @Nested
  class Subscribe {
    @Test
    void firstSubscriptionCarriesNoFrameworkId() {
      Call call = WireFixtures.allCalls().get("first subscribe");

      assertThat(call.hasFrameworkId()).isFalse();
      assertThat(call.getSubscribe().getFrameworkInfo().hasId()).isFalse();
    }

    @Test
    void frameworkInfoIsCheckpointingPartitionAwareAndMultiRoleWithAWeekOfFailover() {
      FrameworkInfo info = WireFixtures.allCalls().get("first subscribe").getSubscribe().getFrameworkInfo();

      assertThat(info.getName()).isEqualTo("berth");
      assertThat(info.getUser()).isEqualTo("root");
      assertThat(info.getRolesList()).containsExactly("berth");
      assertThat(info.getFailoverTimeout()).isEqualTo(7 * 24 * 3600.0);
      assertThat(info.getCheckpoint()).isTrue();
      assertThat(info.getCapabilitiesList()).extracting(FrameworkInfo.Capability::getType)
          .contains(FrameworkInfo.Capability.Type.PARTITION_AWARE, FrameworkInfo.Capability.Type.MULTI_ROLE);
    }

    @Test
    void resubscriptionCarriesTheStoredIdInBothPlaces() {
      JsonNode call = json("resubscribe");

      assertThat(call.path("framework_id").path("value").asText()).isEqualTo(FRAMEWORK_ID);
      assertThat(call.path("subscribe").path("framework_info").path("id").path("value").asText())
          .isEqualTo(FRAMEWORK_ID);
      assertThat(call.path("subscribe").path("framework_info").path("principal").asText())
          .isEqualTo("berth-principal");
      assertThat(call.path("subscribe").path("framework_info").path("failover_timeout").asDouble())
          .isEqualTo(604800.0);
    }
  }

  @Nested
  class Accept {
    final Call call = WireFixtures.allCalls().get("accept with two launches");

    @Test
    void oneAcceptOfOneOfferCarriesOneLaunchPerTask() {
      assertThat(call.getAccept().getOfferIdsList()).extracting(id -> id.getValue())
          .containsExactly(WireFixtures.OFFER_ID);
      assertThat(call.getAccept().getOperationsList()).hasSize(2).allSatisfy(op ->
          assertThat(op.getType()).isEqualTo(org.apache.mesos.v1.Protos.Offer.Operation.Type.LAUNCH));
      assertThat(call.getAccept().getOperationsList())
          .extracting(op -> op.getLaunch().getTaskInfos(0).getTaskId().getValue())
          .containsExactly("web.1", "web.2");
      assertThat(call.getAccept().getFilters().getRefuseSeconds()).isEqualTo(5.0);
    }

    @Test
    void taskResourcesCarryTheirRoleAndTheOffersAllocationRole() {
      TaskInfo task = firstTask();

      assertThat(task.getAgentId().getValue()).isEqualTo(AGENT_ID);
      assertThat(task.getKillPolicy().getGracePeriod().getNanoseconds()).isEqualTo(20_000_000_000L);
      assertThat(task.getResourcesList()).extracting(Resource::getName, CallsTest::role, r -> r.getAllocationInfo().getRole())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("cpus", "berth", "berth"),
              org.assertj.core.groups.Tuple.tuple("ports", "berth", "berth"),
              org.assertj.core.groups.Tuple.tuple("cpus", "*", "berth"),
              org.assertj.core.groups.Tuple.tuple("mem", "*", "berth"),
              org.assertj.core.groups.Tuple.tuple("disk", "*", "berth"));
      Resource ports = task.getResources(1);
      assertThat(ports.getRanges().getRange(0).getBegin()).isEqualTo(31000);
      assertThat(ports.getRanges().getRange(0).getEnd()).isEqualTo(31000);
      assertThat(task.getResources(3).getScalar().getValue()).isEqualTo(128.0);
    }

    @Test
    void withoutAnAllocationRoleTheMasterFillsItIn() {
      TaskInfo task = WireFixtures.allCalls().get("accept without allocation role").getAccept()
          .getOperations(0).getLaunch().getTaskInfos(0);

      assertThat(task.getResourcesList()).noneMatch(Resource::hasAllocationInfo);
    }

    @Test
    void theCustomExecutorIsFetchedAsAJarAndRunWithJava() {
      ExecutorInfo executor = firstTask().getExecutor();

      assertThat(firstTask().hasCommand()).isFalse();
      assertThat(executor.getType()).isEqualTo(ExecutorInfo.Type.CUSTOM);
      assertThat(executor.getExecutorId().getValue()).isEqualTo("berth-executor.web.1");
      assertThat(executor.getFrameworkId().getValue()).isEqualTo(FRAMEWORK_ID);
      assertThat(executor.getCommand().getValue()).isEqualTo("java -jar berth-executor.jar");
      assertThat(executor.getCommand().getShell()).isTrue();
      assertThat(executor.getCommand().getUris(0).getValue()).isEqualTo(JAR_URI);
      assertThat(executor.getCommand().getUris(0).getExtract()).isFalse();
      assertThat(executor.getCommand().getUris(0).getOutputFile()).isEqualTo("berth-executor.jar");
      assertThat(executor.getResourcesList()).extracting(Resource::getName).containsExactly("cpus", "mem");
      assertThat(executor.getShutdownGracePeriod().getNanoseconds()).isEqualTo(10_000_000_000L);
    }

    @Test
    void thePayloadTravelsAsBase64DataInJson() {
      JsonNode task = json("accept with two launches").path("accept").path("operations").get(0)
          .path("launch").path("task_infos").get(0);

      assertThat(new String(Base64.getDecoder().decode(task.path("data").asText()), StandardCharsets.UTF_8))
          .isEqualTo("{\"taskId\":\"web.1\"}");
      assertThat(firstTask().getData().toStringUtf8()).isEqualTo("{\"taskId\":\"web.1\"}");
    }

    private TaskInfo firstTask() {
      return call.getAccept().getOperations(0).getLaunch().getTaskInfos(0);
    }
  }

  @Test
  void declineRefusesTheOffersForTheGivenTime() {
    JsonNode decline = json("decline").path("decline");

    assertThat(decline.path("offer_ids")).hasSize(2);
    assertThat(decline.path("filters").path("refuse_seconds").asDouble()).isEqualTo(3600.0);
  }

  @Test
  void acknowledgeSendsTheSixteenByteUuidAsStandardBase64() {
    JsonNode ack = json("acknowledge").path("acknowledge");

    assertThat(ack.path("uuid").asText()).isEqualTo(Base64.getEncoder().encodeToString(UUID)).endsWith("==");
    assertThat(Base64.getDecoder().decode(ack.path("uuid").asText())).containsExactly(UUID);
    assertThat(ack.path("agent_id").path("value").asText()).isEqualTo(AGENT_ID);
    assertThat(ack.path("task_id").path("value").asText()).isEqualTo("web.1");
  }

  @Test
  void implicitReconcileStillSendsTheEmptyReconcileObject() {
    assertThat(new String(new MesosCodec(Encoding.JSON).encodeCall(Calls.reconcile(FRAMEWORK_ID, List.of())),
        StandardCharsets.UTF_8)).contains("\"reconcile\":{}");
  }

  @Test
  void explicitReconcileNamesTheAgentWhenKnown() {
    JsonNode tasks = json("explicit reconcile").path("reconcile").path("tasks");

    assertThat(tasks.get(0).path("agent_id").path("value").asText()).isEqualTo(AGENT_ID);
    assertThat(tasks.get(1).has("agent_id")).isFalse();
  }

  @Test
  void killCarriesTheGracePeriodInNanoseconds() {
    Call kill = WireFixtures.allCalls().get("kill without agent");

    assertThat(kill.getKill().getKillPolicy().getGracePeriod().getNanoseconds()).isEqualTo(1_500_000_000L);
    assertThat(kill.getKill().hasAgentId()).isFalse();
  }

  @Test
  void suppressAndReviveNameRolesOnlyWhenGiven() {
    assertThat(json("suppress all").path("suppress").size()).isZero();
    assertThat(json("revive one role").path("revive").path("roles").get(0).asText()).isEqualTo("berth");
  }

  @Test
  void teardownIsJustTheEnvelope() {
    assertThat(JsonKeys.keys(json("teardown"))).containsExactly("framework_id", "framework_id.value", "type");
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> Calls.kill(FRAMEWORK_ID, "t", null, java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrameworkSettings.of("berth", "root", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @SuppressWarnings("deprecation")
  static String role(Resource resource) {
    return resource.getRole();
  }
}
