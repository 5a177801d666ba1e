package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 5, "Done when": recorded RecordIO streams split at arbitrary chunk boundaries parse to the same events. */
class EventStreamDecoderTest {
  static final List<MesosEvent> EXPECTED = RecordedEvents.STREAM.stream().map(EventMapperTest::map).toList();

  /** The recorded JSON stream, or the same events as the master sends them in protobuf. */
  static byte[] stream(Encoding encoding) {
    MesosCodec json = new MesosCodec(Encoding.JSON);
    MesosCodec codec = new MesosCodec(encoding);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String event : RecordedEvents.STREAM) {
      byte[] record = encoding == Encoding.JSON
          ? event.getBytes(StandardCharsets.UTF_8)
          : codec.encodeEvent(json.decodeEvent(event.getBytes(StandardCharsets.UTF_8)));
      out.writeBytes(RecordIo.encode(record));
    }
    return out.toByteArray();
  }

  static List<MesosEvent> decode(Encoding encoding, byte[] stream, int... cuts) {
    EventStreamDecoder decoder = new EventStreamDecoder(encoding);
    List<MesosEvent> events = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      events.addAll(decoder.feed(stream, from, cut - from));
      from = cut;
    }
    events.addAll(decoder.feed(stream, from, stream.length - from));
    decoder.finish();
    return events;
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void wholeStreamGivesEveryEventInOrder(Encoding encoding) {
    assertThat(decode(encoding, stream(encoding))).containsExactlyElementsOf(EXPECTED);
    assertThat(EXPECTED).hasSize(11).first().isInstanceOf(MesosEvent.Subscribed.class);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void everyChunkBoundaryGivesTheSameEvents(Encoding encoding) {
    byte[] stream = stream(encoding);
    for (int cut = 0; cut <= stream.length; cut++) {
      assertThat(decode(encoding, stream, cut)).as("cut at %d", cut).containsExactlyElementsOf(EXPECTED);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void randomChunkBoundariesGiveTheSameEvents(Encoding encoding) {
    byte[] stream = stream(encoding);
    Random random = new Random(5L);
    for (int round = 0; round < 100; round++) {
      int[] cuts = random.ints(1 + random.nextInt(40), 0, stream.length + 1).sorted().toArray();
      assertThat(decode(encoding, stream, cuts)).as("cuts %s", Arrays.toString(cuts))
          .containsExactlyElementsOf(EXPECTED);
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aStreamCutInsideARecordFailsAtTheEnd(Encoding encoding) {
    byte[] stream = stream(encoding);
    EventStreamDecoder decoder = new EventStreamDecoder(encoding);
    List<MesosEvent> events = decoder.feed(stream, 0, stream.length - 3);

    assertThat(events).hasSize(EXPECTED.size() - 1);
    assertThatThrownBy(decoder::finish).isInstanceOf(MesosWireException.class);
  }

  @org.junit.jupiter.api.Test
  void protobufHeartbeatIsTwoBytes() {
    assertThat(new EventStreamDecoder(Encoding.PROTOBUF).feed(new byte[] {'2', '\n', 0x08, 0x08}))
        .containsExactly(new MesosEvent.Heartbeat());
  }
}
