package io.berth.scheduler.testing.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.mesos.Encoding;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SUBSCRIBE: the stream's first events, heartbeats, failover of a framework and of the master. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SubscriptionTest {

  private MesosCluster cluster;
  private URI master;

  @BeforeEach
  void start() {
    cluster = MesosCluster.builder().masters(2).agents(2).heartbeatInterval(Duration.ofMillis(300))
        .allocationInterval(Duration.ofMillis(100)).start();
    master = cluster.masterUrls().get(0);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void subscribedComesFirstThenAHeartbeatAtOnceAndEveryInterval(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      assertThat(s.frameworkId).matches("[0-9a-f-]{36}-0000");
      assertThat(s.next(e -> true).getType()).isEqualTo(Event.Type.HEARTBEAT);
      s.next(Event.Type.HEARTBEAT);
      s.next(Event.Type.HEARTBEAT);
      assertThat(cluster.frameworkIds()).containsExactly(s.frameworkId);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void subscribedCarriesTheIntervalAndTheMaster(Encoding encoding) throws Exception {
    var r = RawScheduler.open(master, encoding, RawScheduler.subscribeCall(RawScheduler.framework().build()));
    var decoder = io.berth.scheduler.cluster.mesos.RecordIo.decoder();
    byte[] buffer = new byte[4096];
    java.util.List<byte[]> records = new java.util.ArrayList<>();
    while (records.isEmpty()) {
      int n = r.body().read(buffer);
      records.addAll(decoder.feed(buffer, 0, n));
    }
    r.body().close();
    Event.Subscribed subscribed = new io.berth.scheduler.cluster.mesos.MesosCodec(encoding)
        .decodeEvent(records.get(0)).getSubscribed();
    if (encoding == Encoding.JSON) {
      String json = new String(records.get(0), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json).contains("\"framework_id\"", "\"heartbeat_interval_seconds\"", "\"master_info\"")
          .contains("\"port\":" + master.getPort())
          .doesNotContain("frameworkId").doesNotContain(" ");
    }
    assertThat(subscribed.getHeartbeatIntervalSeconds()).isEqualTo(0.3);
    assertThat(subscribed.getMasterInfo().getPort()).isEqualTo(master.getPort());
    assertThat(r.headers().firstValue("Mesos-Stream-Id")).isPresent();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void stoppedHeartbeatsLeaveTheStreamOpenButSilent(Encoding encoding) throws Exception {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      s.send(s.call(Call.Type.SUPPRESS).build());
      cluster.stopHeartbeats();
      s.clear();
      assertThat(s.poll(Duration.ofSeconds(1))).isNull();
      assertThat(s.ended).isNotDone();
      cluster.resumeHeartbeats();
      s.next(Event.Type.HEARTBEAT);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aSecondSubscribeFailsOverTheFramework(Encoding encoding) {
    try (RawScheduler first = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build());
         RawScheduler second = first.resubscribe(master)) {
      assertThat(second.frameworkId).isEqualTo(first.frameworkId);
      assertThat(second.streamId).isNotEqualTo(first.streamId);
      assertThat(first.next(Event.Type.ERROR).getError().getMessage()).isEqualTo("Framework failed over");
      assertThat(first.ended).succeedsWithin(RawScheduler.WAIT);
      assertThat(first.send(first.call(Call.Type.REVIVE).build())).isEqualTo(400);
      assertThat(second.send(second.call(Call.Type.REVIVE).build())).isEqualTo(202);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void anInvalidFrameworkInfoIsAnErrorOnTheStream(Encoding encoding) {
    var info = RawScheduler.framework().clearCapabilities();
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, info.build())) {
      assertThat(s.frameworkId).isNull();
      assertThat(s.next(Event.Type.ERROR).getError().getMessage()).contains("MULTI_ROLE");
      assertThat(s.ended).succeedsWithin(RawScheduler.WAIT);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aDroppedStreamCanBeResubscribedWithTheSameId(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      cluster.dropStream();
      assertThat(s.ended).succeedsWithin(RawScheduler.WAIT);
      assertThat(s.events).noneMatch(e -> e.getType() == Event.Type.ERROR);
      try (RawScheduler again = s.resubscribe(master)) {
        assertThat(again.frameworkId).isEqualTo(s.frameworkId);
        again.next(Event.Type.OFFERS);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aFrameworkWithoutFailoverTimeoutIsRemovedWhenItsStreamBreaks(Encoding encoding) {
    var info = RawScheduler.framework().setFailoverTimeout(0);
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, info.build())) {
      cluster.dropStream();
      org.awaitility.Awaitility.await().until(() -> cluster.frameworkIds().isEmpty());
      try (RawScheduler again = s.resubscribe(master)) {
        assertThat(again.next(Event.Type.ERROR).getError().getMessage()).isEqualTo("Framework has been removed");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void teardownEndsTheStreamAndTheFramework(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      assertThat(s.send(s.call(Call.Type.TEARDOWN).build())).isEqualTo(202);
      assertThat(s.ended).succeedsWithin(RawScheduler.WAIT);
      assertThat(cluster.frameworkIds()).isEmpty();
      assertThat(s.send(s.call(Call.Type.REVIVE).build())).isEqualTo(400);
      try (RawScheduler again = s.resubscribe(master)) {
        assertThat(again.next(Event.Type.ERROR).getError().getMessage()).isEqualTo("Framework has been removed");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void afterAMasterFailoverTheOldLeaderRedirectsAndTheNewOneTakesTheFramework(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      cluster.failover(1);
      assertThat(s.ended).succeedsWithin(RawScheduler.WAIT);
      assertThat(cluster.leaderIndex()).isEqualTo(1);
      URI newLeader = cluster.masterUrls().get(1);
      var r = RawScheduler.post(master, encoding, null, new io.berth.scheduler.cluster.mesos.MesosCodec(encoding)
          .encodeCall(RawScheduler.subscribeCall(RawScheduler.framework()
              .setId(FrameworkID.newBuilder().setValue(s.frameworkId)).build())));
      assertThat(r.statusCode()).isEqualTo(307);
      assertThat(cluster.calls()).last().isEqualTo(new CallRecord(0, "SUBSCRIBE", s.frameworkId, null, 307, encoding.contentType()));
      URI location = URI.create("http:" + r.headers().firstValue("Location").orElseThrow());
      assertThat(location.getPort()).isEqualTo(newLeader.getPort());
      assertThat(s.send(newLeader, s.call(Call.Type.REVIVE).build())).isEqualTo(403);
      try (RawScheduler again = s.resubscribe(location)) {
        assertThat(again.frameworkId).isEqualTo(s.frameworkId);
        Event offers = again.next(Event.Type.OFFERS);
        assertThat(offers.getOffers().getOffersList()).extracting(o -> o.getAgentId().getValue())
            .containsExactlyInAnyOrder(cluster.agentId(0), cluster.agentId(1));
      }
    }
  }
}
