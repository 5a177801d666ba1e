package io.berth.scheduler.testing.mesos;

import static io.berth.scheduler.testing.mesos.TestTasks.aTask;
import static io.berth.scheduler.testing.mesos.TestTasks.accept;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.mesos.Encoding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Offers, filters, SUPPRESS/REVIVE and launching with stub executors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OffersTest {

  private MesosCluster cluster;

  @BeforeEach
  void start() {
    cluster = MesosCluster.builder().agents(2).agentResources(2, 1024, 5000)
        .agentAttributes(i -> Map.of("rack", "r" + i)).heartbeatInterval(Duration.ofSeconds(5))
        .allocationInterval(Duration.ofMillis(100)).updateRetry(Duration.ofMillis(300)).start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private RawScheduler subscribe(Encoding encoding) {
    return RawScheduler.subscribe(cluster.masterUrls().get(0), encoding, RawScheduler.framework().build());
  }

  private static List<Offer> offers(RawScheduler s) {
    return s.next(Event.Type.OFFERS).getOffers().getOffersList();
  }

  private static Offer offerOn(RawScheduler s, String agentId) {
    while (true) {
      for (Offer o : offers(s)) {
        if (o.getAgentId().getValue().equals(agentId)) {
          return o;
        }
      }
    }
  }

  private static double scalar(Offer o, String name) {
    return o.getResourcesList().stream().filter(r -> r.getName().equals(name)).mapToDouble(r -> r.getScalar().getValue())
        .sum();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  @SuppressWarnings("deprecation")
  void eachAgentIsOfferedInOneOffersEvent(Encoding encoding) {
    try (RawScheduler s = subscribe(encoding)) {
      List<Offer> offers = offers(s);
      assertThat(offers).extracting(o -> o.getAgentId().getValue())
          .containsExactlyInAnyOrder(cluster.agentId(0), cluster.agentId(1));
      Offer o = offers.stream().filter(x -> x.getAgentId().getValue().equals(cluster.agentId(1))).findFirst()
          .orElseThrow();
      assertThat(o.getHostname()).isEqualTo("agent-1");
      assertThat(o.getFrameworkId().getValue()).isEqualTo(s.frameworkId);
      assertThat(o.getId().getValue()).matches(".+-O[0-9]+");
      assertThat(scalar(o, "cpus")).isEqualTo(2.0);
      assertThat(scalar(o, "mem")).isEqualTo(1024.0);
      assertThat(scalar(o, "disk")).isEqualTo(5000.0);
      Resource ports = o.getResourcesList().stream().filter(r -> r.getName().equals("ports")).findFirst().orElseThrow();
      assertThat(ports.getRanges().getRange(0).getBegin()).isEqualTo(31100);
      assertThat(ports.getRanges().getRange(0).getEnd()).isEqualTo(31199);
      assertThat(o.getResourcesList()).allMatch(r -> r.getRole().equals("*")
          && r.getAllocationInfo().getRole().equals("*"));
      assertThat(o.getAttributesList()).singleElement()
          .satisfies(a -> assertThat(a.getText().getValue()).isEqualTo("r1"));
      assertThat(o.getUrl().getPath()).isEqualTo("/slave(1)");
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void declineFiltersTheAgentAndReviveClearsTheFilter(Encoding encoding) throws Exception {
    try (RawScheduler s = subscribe(encoding)) {
      List<Offer> first = offers(s);
      Call.Decline.Builder decline = Call.Decline.newBuilder().setFilters(Filters.newBuilder().setRefuseSeconds(3600));
      first.forEach(o -> decline.addOfferIds(o.getId()));
      assertThat(s.send(s.call(Call.Type.DECLINE).setDecline(decline).build())).isEqualTo(202);
      s.clear();
      assertThat(s.poll(Duration.ofMillis(600))).matches(e -> e == null || e.getType() == Event.Type.HEARTBEAT);
      assertThat(s.send(s.call(Call.Type.REVIVE).build())).isEqualTo(202);
      assertThat(offers(s)).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void suppressedFrameworksGetNoOffers(Encoding encoding) throws Exception {
    try (RawScheduler s = subscribe(encoding)) {
      List<Offer> outstanding = offers(s);
      assertThat(s.send(s.call(Call.Type.SUPPRESS).build())).isEqualTo(202);
      Call.Decline.Builder decline = Call.Decline.newBuilder().setFilters(Filters.newBuilder().setRefuseSeconds(0));
      outstanding.forEach(o -> decline.addOfferIds(o.getId()));
      s.send(s.call(Call.Type.DECLINE).setDecline(decline).build());
      s.clear();
      assertThat(s.poll(Duration.ofMillis(600))).isNull();
      s.send(s.call(Call.Type.REVIVE).build());
      s.next(Event.Type.OFFERS);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aLaunchedTaskRunsAndEachUpdateIsResentUntilAcknowledged(Encoding encoding) {
    try (RawScheduler s = subscribe(encoding)) {
      Offer offer = offerOn(s, cluster.agentId(0));
      assertThat(s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("web.1", offer).build())).build()))
          .isEqualTo(202);
      TaskStatus starting = s.update("web.1");
      assertThat(starting.getState()).isEqualTo(TaskState.TASK_STARTING);
      assertThat(starting.getUuid().size()).isEqualTo(16);
      assertThat(starting.getAgentId().getValue()).isEqualTo(cluster.agentId(0));
      assertThat(starting.getExecutorId().getValue()).isEqualTo("executor.web.1");
      TaskStatus again = s.update("web.1");
      assertThat(again).isEqualTo(starting); // one update in flight per task, re-sent
      assertThat(s.acknowledge(starting)).isEqualTo(202);
      TaskStatus running = s.next(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getState() != TaskState.TASK_STARTING).getUpdate().getStatus();
      assertThat(running.getState()).isEqualTo(TaskState.TASK_RUNNING);
      assertThat(running.getUuid()).isNotEqualTo(starting.getUuid());
      s.acknowledge(running);
      assertThat(cluster.tasks()).singleElement().satisfies(t -> {
        assertThat(t.state()).isEqualTo("TASK_RUNNING");
        assertThat(t.agentId()).isEqualTo(cluster.agentId(0));
        assertThat(t.executorId()).isEqualTo("executor.web.1");
      });
      Offer next = offerOn(s, cluster.agentId(0));
      assertThat(scalar(next, "cpus")).isEqualTo(1.4);
      assertThat(next.getExecutorIdsList()).extracting(e -> e.getValue()).containsExactly("executor.web.1");

      s.send(s.call(Call.Type.KILL).setKill(Call.Kill.newBuilder().setTaskId(running.getTaskId())).build());
      TaskStatus killed = s.next(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getState() == TaskState.TASK_KILLED).getUpdate().getStatus();
      s.acknowledge(killed);
      org.awaitility.Awaitility.await().until(() -> cluster.tasks().get(0).state().equals("TASK_KILLED"));
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void invalidLaunchesAreTaskErrorsWithoutUuid(Encoding encoding) {
    try (RawScheduler s = subscribe(encoding)) {
      Offer offer = offerOn(s, cluster.agentId(0));
      var tooBig = aTask("big", offer).clearResources().addResources(TestTasks.scalar("cpus", 3));
      var wrongAgent = aTask("elsewhere", offer).setAgentId(
          org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue(cluster.agentId(1)));
      var both = aTask("both", offer).setCommand(org.apache.mesos.v1.Protos.CommandInfo.newBuilder().setValue("x"));
      var foreignPort = aTask("port", offer).addResources(TestTasks.port(80));
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("ok", offer).build(), aTask("ok", offer).build(),
          tooBig.build(), wrongAgent.build(), both.build(), foreignPort.build())).build());
      for (String id : List.of("big", "elsewhere", "both", "port")) {
        TaskStatus error = s.update(id);
        assertThat(error.getState()).as(id).isEqualTo(TaskState.TASK_ERROR);
        assertThat(error.getReason()).isEqualTo(TaskStatus.Reason.REASON_TASK_INVALID);
        assertThat(error.hasUuid()).isFalse();
      }
      assertThat(s.update("ok").getState()).isEqualTo(TaskState.TASK_STARTING);
      TaskStatus duplicate = s.update("ok");
      assertThat(duplicate.getState()).isIn(TaskState.TASK_ERROR, TaskState.TASK_STARTING);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void anOfferIsUsedOnceAndUnknownOffersDropTheTasks(Encoding encoding) {
    try (RawScheduler s = subscribe(encoding)) {
      Offer offer = offerOn(s, cluster.agentId(0));
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("first", offer).build())).build());
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask("second", offer).build())).build());
      Offer bogus = offer.toBuilder().setId(OfferID.newBuilder().setValue("no-such-offer")).build();
      s.send(s.call(Call.Type.ACCEPT).setAccept(accept(bogus, aTask("third", offer).build())).build());
      for (String id : List.of("second", "third")) {
        TaskStatus dropped = s.update(id);
        assertThat(dropped.getState()).isEqualTo(TaskState.TASK_DROPPED);
        assertThat(dropped.getReason()).isEqualTo(TaskStatus.Reason.REASON_INVALID_OFFERS);
        assertThat(dropped.hasUuid()).isFalse();
      }
      assertThat(s.update("first").getState()).isEqualTo(TaskState.TASK_STARTING);
    }
  }
}
