package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordIoTest {

  static final List<String> RECORDS = List.of(
      "{\"type\":\"SUBSCRIBED\",\"subscribed\":{\"framework_id\":{\"value\":\"f-0001\"}}}",
      "{\"type\":\"HEARTBEAT\"}",
      "{\"type\":\"UPDATE\",\"update\":{\"status\":{\"message\":\"d\u00e9j\u00e0 vu \u2013 \u00fcber\"}}}",
      "x".repeat(1234));

  @Test
  void heartbeatIsFramedAsTheReferenceShows() {
    byte[] framed = RecordIo.encode("{\"type\":\"HEARTBEAT\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(framed).hasSize(23);
    assertThat(new String(framed, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("20\n");
    assertThat(RecordIo.encode(new byte[] {0x08, 0x08})).containsExactly('2', '\n', 0x08, 0x08);
  }

  @Test
  void sizeCountsUtf8BytesNotCharacters() {
    byte[] record = RECORDS.get(2).getBytes(StandardCharsets.UTF_8);
    String header = new String(RecordIo.encode(record), StandardCharsets.ISO_8859_1).split("\n", 2)[0];

    assertThat(Integer.parseInt(header)).isEqualTo(record.length).isGreaterThan(RECORDS.get(2).length());
  }

  @Nested
  class Splitting {
    final byte[] stream = stream(RECORDS);

    @Test
    void everySingleCutGivesTheSameRecords() {
      for (int cut = 0; cut <= stream.length; cut++) {
        assertThat(decode(stream, cut)).as("cut at %d", cut).containsExactlyElementsOf(RECORDS);
      }
    }

    @Test
    void everyPairOfCutsAroundTheHeadersGivesTheSameRecords() {
      int around = 120;
      for (int first = 0; first < around; first++) {
        for (int second = first; second < stream.length; second += 7) {
          assertThat(decode(stream, first, second)).containsExactlyElementsOf(RECORDS);
        }
      }
    }

    @Test
    void oneByteChunksGiveTheSameRecords() {
      int[] cuts = new int[stream.length];
      Arrays.setAll(cuts, i -> i);
      assertThat(decode(stream, cuts)).containsExactlyElementsOf(RECORDS);
    }

    @Test
    void randomChunksGiveTheSameRecords() {
      Random random = new Random(20261126L);
      for (int round = 0; round < 500; round++) {
        int[] cuts = random.ints(random.nextInt(12), 0, stream.length + 1).sorted().toArray();
        assertThat(decode(stream, cuts)).as("cuts %s", Arrays.toString(cuts)).containsExactlyElementsOf(RECORDS);
      }
    }

    @Test
    void protobufRecordsContainingNewlinesAndDigitsSurviveAnyCut() {
      List<byte[]> records = List.of(new byte[] {'\n', '1', '\n'}, new byte[] {0x08, 0x08}, new byte[] {'9'});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      records.forEach(record -> out.writeBytes(RecordIo.encode(record)));
      byte[] bytes = out.toByteArray();
      for (int cut = 0; cut <= bytes.length; cut++) {
        RecordIo.Decoder decoder = RecordIo.decoder();
        List<byte[]> decoded = new ArrayList<>(decoder.feed(bytes, 0, cut));
        decoded.addAll(decoder.feed(bytes, cut, bytes.length - cut));
        assertThat(decoded).as("cut at %d", cut).containsExactlyElementsOf(records);
        decoder.finish();
      }
    }
  }

  @Nested
  class Errors {
    @Test
    void nonDigitInTheSizeIsRejected() {
      assertThatThrownBy(() -> RecordIo.decoder().feed(ascii("2x\n..")))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("non-digit");
    }

    @Test
    void carriageReturnIsRejected() {
      assertThatThrownBy(() -> RecordIo.decoder().feed(ascii("2\r\nab")))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("non-digit");
    }

    @Test
    void emptySizeIsRejected() {
      assertThatThrownBy(() -> RecordIo.decoder().feed(ascii("\n{}")))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("empty record size");
    }

    @Test
    void zeroSizeIsRejected() {
      assertThatThrownBy(() -> RecordIo.decoder().feed(ascii("0\n")))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("record size 0");
    }

    @Test
    void recordAboveTheLimitIsRejectedBeforeItsBytesArrive() {
      RecordIo.Decoder decoder = RecordIo.decoder(100);
      assertThat(decoder.feed(ascii("100\n"))).isEmpty();
      assertThatThrownBy(() -> RecordIo.decoder(100).feed(ascii("101")))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("limit of 100 bytes");
      assertThatThrownBy(() -> RecordIo.decoder().feed(ascii("99999999999999999999999\n")))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("limit");
    }

    @Test
    void endlessLeadingZerosAreRejected() {
      assertThatThrownBy(() -> RecordIo.decoder().feed(ascii("0".repeat(30))))
          .isInstanceOf(MesosWireException.class).hasMessageContaining("digits");
    }

    @Test
    void streamEndingInsideARecordIsAnError() {
      RecordIo.Decoder decoder = RecordIo.decoder();
      decoder.feed(ascii("5\nab"));

      assertThat(decoder.isBetweenRecords()).isFalse();
      assertThatThrownBy(decoder::finish).isInstanceOf(MesosWireException.class).hasMessageContaining("2 of 5");
    }

    @Test
    void streamEndingInsideAHeaderIsAnError() {
      RecordIo.Decoder decoder = RecordIo.decoder();
      decoder.feed(ascii("1"));
      assertThatThrownBy(decoder::finish).isInstanceOf(MesosWireException.class).hasMessageContaining("header");
    }

    @Test
    void aFailedDecoderStaysFailed() {
      RecordIo.Decoder decoder = RecordIo.decoder();
      assertThatThrownBy(() -> decoder.feed(ascii("x"))).isInstanceOf(MesosWireException.class);
      assertThatThrownBy(() -> decoder.feed(ascii("2\n{}"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyRecordsCannotBeEncoded() {
      assertThatThrownBy(() -> RecordIo.encode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
  }

  static byte[] stream(List<String> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    records.forEach(record -> out.writeBytes(RecordIo.encode(record.getBytes(StandardCharsets.UTF_8))));
    return out.toByteArray();
  }

  /** Feeds {@code stream} cut at the given (sorted) offsets and checks it ends between records. */
  static List<String> decode(byte[] stream, int... cuts) {
    RecordIo.Decoder decoder = RecordIo.decoder();
    List<String> records = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      decoder.feed(stream, from, cut - from).forEach(r -> records.add(new String(r, StandardCharsets.UTF_8)));
      from = cut;
    }
    decoder.feed(stream, from, stream.length - from).forEach(r -> records.add(new String(r, StandardCharsets.UTF_8)));
    decoder.finish();
    return records;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
