package io.berth.scheduler.testing.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.mesos.Encoding;
import io.berth.scheduler.cluster.mesos.MesosCodec;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every status code of the scheduler endpoint (reference section 1.5), in both encodings. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MasterStatusCodesTest {

  private MesosCluster cluster;
  private URI master;

  @BeforeEach
  void start() {
    cluster = MesosCluster.builder().masters(2).agents(1).heartbeatInterval(java.time.Duration.ofSeconds(1)).start();
    master = cluster.masterUrls().get(0);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private int post(Encoding encoding, String streamId, Call call) {
    return RawScheduler.post(master, encoding, streamId, new MesosCodec(encoding).encodeCall(call)).statusCode();
  }

  private static HttpResponse<String> raw(HttpRequest.Builder request) {
    return RawScheduler.send(request.build());
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(master.resolve("/api/v1/scheduler"));
  }

  private static byte[] subscribeBody(Encoding encoding) {
    return new MesosCodec(encoding).encodeCall(RawScheduler.subscribeCall(RawScheduler.framework().build()));
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void onlyPostIsAllowed(Encoding encoding) {
    HttpResponse<String> r = raw(request().header("Content-Type", encoding.contentType()).GET());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("POST");
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void contentTypeIsRequiredAndComparedExactly(Encoding encoding) {
    byte[] body = subscribeBody(encoding);
    assertThat(raw(request().POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(400);
    assertThat(raw(request().header("Content-Type", encoding.contentType() + "; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(415);
    assertThat(raw(request().header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(415);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void acceptPicksTheEventEncodingWithJsonFirst(Encoding encoding) throws Exception {
    byte[] body = subscribeBody(encoding);
    HttpRequest.Builder b = request().header("Content-Type", encoding.contentType());
    assertThat(raw(b.copy().header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body)))
        .statusCode()).isEqualTo(406);
    assertThat(eventType(b.copy(), null, body)).isEqualTo("application/json");
    assertThat(eventType(b.copy(), "application/x-protobuf, application/json", body)).isEqualTo("application/json");
    assertThat(eventType(b.copy(), "application/json;q=0, application/x-protobuf", body))
        .isEqualTo("application/x-protobuf");
    assertThat(eventType(b.copy(), "*/*", body)).isEqualTo("application/json");
  }

  private static String eventType(HttpRequest.Builder b, String accept, byte[] body) throws Exception {
    if (accept != null) {
      b.header("Accept", accept);
    }
    HttpResponse<InputStream> r = RawScheduler.HTTP.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    r.body().close();
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().firstValue("Content-Type").orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void unreadableBodiesAndMissingRequiredFieldsAre400(Encoding encoding) {
    byte[] garbage = encoding == Encoding.JSON ? "{\"type\":".getBytes(StandardCharsets.UTF_8) : new byte[] {(byte) 0xff};
    assertThat(RawScheduler.post(master, encoding, null, garbage).statusCode()).isEqualTo(400);
    FrameworkInfo noUser = RawScheduler.framework().clearUser().buildPartial();
    byte[] body = new MesosCodec(encoding).encodeCall(Call.newBuilder().setType(Call.Type.SUBSCRIBE)
        .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(noUser).buildPartial()).buildPartial());
    HttpResponse<String> r = RawScheduler.post(master, encoding, null, body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Not initialized").contains("user");
    assertThat(post(encoding, null, Call.newBuilder().build())).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void everyCallButSubscribeNeedsItsSubMessageAndFrameworkId(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      for (Call.Type type : List.of(Call.Type.ACCEPT, Call.Type.DECLINE, Call.Type.KILL, Call.Type.SHUTDOWN,
          Call.Type.ACKNOWLEDGE, Call.Type.RECONCILE, Call.Type.MESSAGE, Call.Type.REQUEST)) {
        assertThat(s.send(s.call(type).build())).as(type.name()).isEqualTo(400);
      }
      assertThat(s.send(s.call(Call.Type.RECONCILE).setReconcile(Call.Reconcile.getDefaultInstance()).build()))
          .isEqualTo(202);
      for (Call.Type type : List.of(Call.Type.REVIVE, Call.Type.SUPPRESS)) {
        assertThat(s.send(s.call(type).build())).as(type.name()).isEqualTo(202);
      }
      assertThat(s.send(Call.newBuilder().setType(Call.Type.REVIVE).build())).isEqualTo(400);
      assertThat(s.send(s.call(Call.Type.UNKNOWN).build())).isEqualTo(501);
      assertThat(s.send(s.call(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
          .setAgentId(org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue(cluster.agentId(0)))
          .setTaskId(org.apache.mesos.v1.Protos.TaskID.newBuilder().setValue("t"))
          .setUuid(RawScheduler.uuid(15))).build())).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void subscribeFrameworkIdMustMatchTheFrameworkInfo(Encoding encoding) {
    Call call = RawScheduler.subscribeCall(RawScheduler.framework()
        .setId(FrameworkID.newBuilder().setValue("a")).build()).toBuilder()
        .setFrameworkId(FrameworkID.newBuilder().setValue("b")).build();
    assertThat(post(encoding, null, call)).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void streamIdRules(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      assertThat(s.streamId).isNotBlank();
      Call revive = s.call(Call.Type.REVIVE).build();
      assertThat(post(encoding, null, revive)).isEqualTo(400);
      assertThat(post(encoding, "not-the-stream", revive)).isEqualTo(400);
      assertThat(post(encoding, s.streamId, revive)).isEqualTo(202);
      assertThat(post(encoding, s.streamId, RawScheduler.subscribeCall(RawScheduler.framework().build())))
          .isEqualTo(400);
      Call other = Call.newBuilder(revive).setFrameworkId(FrameworkID.newBuilder().setValue("nobody")).build();
      assertThat(post(encoding, s.streamId, other)).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aKnownFrameworkWithoutItsStreamIsForbidden(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      cluster.dropStream();
      assertThat(s.send(s.call(Call.Type.REVIVE).build())).isEqualTo(403);
      assertThat(s.ended).succeedsWithin(RawScheduler.WAIT);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aStandbyRedirectsAndNoLeaderIs503(Encoding encoding) {
    URI standby = cluster.masterUrls().get(1);
    HttpResponse<String> r = RawScheduler.post(standby, encoding, null, subscribeBody(encoding));
    assertThat(r.statusCode()).isEqualTo(307);
    assertThat(r.headers().firstValue("Location")).contains("//127.0.0.1:" + master.getPort() + "/api/v1/scheduler");
    cluster.noLeader();
    assertThat(RawScheduler.post(master, encoding, null, subscribeBody(encoding)).statusCode()).isEqualTo(503);
    assertThat(RawScheduler.post(standby, encoding, null, subscribeBody(encoding)).statusCode()).isEqualTo(503);
    assertThat(cluster.leaderIndex()).isEqualTo(-1);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aFailoverWithAnElectionAnswers503UntilTheNewLeaderLeads(Encoding encoding) {
    try (MesosCluster electing = MesosCluster.builder().masters(2).agents(1)
        .noLeaderFor(java.time.Duration.ofMillis(500)).start()) {
      URI old = electing.masterUrls().get(0);
      electing.failover(1);
      assertThat(RawScheduler.post(old, encoding, null, subscribeBody(encoding)).statusCode()).isEqualTo(503);
      org.awaitility.Awaitility.await().until(() -> electing.leaderIndex() == 1);
      assertThat(RawScheduler.post(old, encoding, null, subscribeBody(encoding)).statusCode()).isEqualTo(307);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void callsAreRecorded(Encoding encoding) {
    try (RawScheduler s = RawScheduler.subscribe(master, encoding, RawScheduler.framework().build())) {
      s.send(s.call(Call.Type.SUPPRESS).build());
      assertThat(cluster.calls()).containsExactly(
          new CallRecord(0, "SUBSCRIBE", null, null, 200, encoding.contentType()),
          new CallRecord(0, "SUPPRESS", s.frameworkId, s.streamId, 202, encoding.contentType()));
      assertThat(cluster.subscriptions()).isEqualTo(1);
    }
  }
}
