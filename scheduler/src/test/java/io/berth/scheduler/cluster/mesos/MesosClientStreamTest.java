package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event stream: records as they arrive, the heartbeat watch, and every way a stream ends. */
class MesosClientStreamTest extends MesosClientTestBase {

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void recordsCutAtOddBoundariesArriveInOrderBeforeTheStreamEnds(Encoding encoding) throws Exception {
    ScriptedMaster master = master();
    client(encoding, master);
    MasterStream stream = subscribe(master, 15);
    List<Event> sent = List.of(MasterStream.heartbeatEvent(), rescind("O-1"), rescind("O-22"),
        MasterStream.heartbeatEvent(), rescind("O-333"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sent.forEach(event -> bytes.writeBytes(stream.framed(event)));
    byte[] all = bytes.toByteArray();
    int firstRecordEnds = stream.framed(sent.get(0)).length;

    writePieces(stream, Arrays.copyOfRange(all, 0, firstRecordEnds + 3), 1, 2);
    assertThat(listener.nextEvent()).isEqualTo(sent.get(0));
    writePieces(stream, Arrays.copyOfRange(all, firstRecordEnds + 3, all.length), 1, 3, 5, 7, 11, 13);

    for (Event event : sent.subList(1, sent.size())) {
      assertThat(listener.nextEvent()).isEqualTo(event);
    }
    assertThat(listener.disconnects).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void silentStreamIsDroppedAndTheFrameworkResubscribes(Encoding encoding) throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(fast(encoding).withMissedHeartbeats(2), new StaticMasters(List.of(master.url())));
    MasterStream silent = subscribe(master, 0.05);

    assertThat(listener.nextDisconnect()).startsWith("no event for").contains("2 x heartbeat interval");
    MasterStream next = subscribe(master, 15);
    assertThat(master.subscribes().get(1).call().getFrameworkId().getValue()).isEqualTo(FRAMEWORK_ID);
    assertThat(master.subscribes().get(1).headers()).doesNotContainKey("Mesos-Stream-Id");
    await().atMost(Duration.ofSeconds(10)).until(silent::clientGone);
    assertThat(next.clientGone()).isFalse();
    assertThat(client.isSubscribed()).isTrue();
  }

  @Test
  void theCallTimeoutDoesNotCutTheStream() throws Exception {
    ScriptedMaster master = master();
    client(fast(Encoding.PROTOBUF).withCallTimeout(Duration.ofMillis(50)), new StaticMasters(List.of(master.url())));
    MasterStream stream = subscribe(master, 15);

    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(listener.disconnects::isEmpty);
    stream.send(MasterStream.heartbeatEvent());
    assertThat(listener.nextEvent().getType()).isEqualTo(Event.Type.HEARTBEAT);
  }

  @Test
  void streamClosedByTheMasterLeadsToAResubscribe() throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(Encoding.PROTOBUF, master);
    subscribe(master, 15).end();

    assertThat(listener.nextDisconnect()).contains("closed the stream", master.url().toString());
    subscribe(master, 15);
    assertThat(master.subscribes()).hasSize(2);
    assertThat(master.subscribes().get(1).call().getFrameworkId().getValue()).isEqualTo(FRAMEWORK_ID);
    assertThat(client.isSubscribed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void errorEventIsDeliveredAndEndsTheStream(Encoding encoding) throws Exception {
    ScriptedMaster master = master();
    client(encoding, master);
    MasterStream stream = subscribe(master, 15);
    stream.send(MasterStream.errorEvent("Framework failed over"));

    assertThat(listener.nextEvent().getError().getMessage()).isEqualTo("Framework failed over");
    assertThat(listener.nextDisconnect()).contains("ERROR event: Framework failed over");
    subscribe(master, 15);
    await().atMost(Duration.ofSeconds(10)).until(stream::clientGone);
  }

  @Test
  void streamEndingBeforeSubscribedIsAFailedAttempt() throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(Encoding.JSON, master);
    master.awaitStream().end();

    assertThat(listener.nextDisconnect()).contains("closed the stream");
    assertThat(client.isSubscribed()).isFalse();
    subscribe(master, 15);
    assertThat(master.subscribes().get(1).call().hasFrameworkId()).isFalse();
  }

  @Test
  void malformedRecordDropsTheStream() throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(Encoding.JSON, master);
    MasterStream stream = subscribe(master, 15);
    stream.write("12x\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(listener.nextDisconnect()).contains("malformed RecordIO");
    subscribe(master, 15);
    assertThat(client.isSubscribed()).isTrue();
  }

  @Test
  void closingTheClientClosesTheStreamAndStopsResubscribing() throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(Encoding.PROTOBUF, master);
    MasterStream stream = subscribe(master, 15);
    client.close();

    assertThat(client.isSubscribed()).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(stream::clientGone);
    assertThat(master.subscribes()).hasSize(1);
    assertThat(listener.disconnects).isEmpty();
  }

  private static Event rescind(String offerId) {
    return Event.newBuilder().setType(Event.Type.RESCIND)
        .setRescind(Event.Rescind.newBuilder().setOfferId(OfferID.newBuilder().setValue(offerId))).build();
  }

  /** Writes {@code bytes} as separate chunks cut at the given offsets. */
  private static void writePieces(MasterStream stream, byte[] bytes, int... cuts) throws Exception {
    int from = 0;
    for (int cut : cuts) {
      if (cut > from && cut < bytes.length) {
        stream.write(Arrays.copyOfRange(bytes, from, cut));
        from = cut;
      }
    }
    stream.write(Arrays.copyOfRange(bytes, from, bytes.length));
  }
}
