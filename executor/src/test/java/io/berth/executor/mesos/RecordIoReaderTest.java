package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordIoReaderTest {

  private static final String STREAM = "20\n{\"type\":\"HEARTBEAT\"}" + "7\n{\"a\":1}" + "2\n\u00e9";

  @Test
  void readsTheHeartbeatOfTheReference() throws IOException {
    byte[] framed = "20\n{\"type\":\"HEARTBEAT\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(framed).hasSize(23);

    RecordIoReader reader = new RecordIoReader(new ByteArrayInputStream(framed));

    assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"HEARTBEAT\"}");
    assertThat(reader.next()).isNull();
  }

  @Test
  void recordsSurviveAnyChunkBoundaries() throws IOException {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int chunk = 1; chunk <= bytes.length; chunk++) {
      assertThat(readAll(new Chunked(bytes, chunk))).as("chunks of %d bytes", chunk)
          .containsExactly("{\"type\":\"HEARTBEAT\"}", "{\"a\":1}", "\u00e9");
    }
  }

  @Test
  void refusesBrokenFraming() {
    assertThatThrownBy(() -> readAll(stream("x\n{}"))).hasMessageContaining("non-digit");
    assertThatThrownBy(() -> readAll(stream("\n{}"))).hasMessageContaining("empty RecordIO header");
    assertThatThrownBy(() -> readAll(stream("0\n"))).hasMessageContaining("size 0");
    assertThatThrownBy(() -> readAll(stream("10\n{}"))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> readAll(stream("12"))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> readAll(stream("99999999999\n"))).hasMessageContaining("too large");
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> readAll(InputStream in) throws IOException {
    RecordIoReader reader = new RecordIoReader(in);
    List<String> records = new ArrayList<>();
    for (byte[] r = reader.next(); r != null; r = reader.next()) {
      records.add(new String(r, StandardCharsets.UTF_8));
    }
    return records;
  }

  /** Hands out at most {@code chunk} bytes per read, as an HTTP body does. */
  private static final class Chunked extends InputStream {
    private final byte[] bytes;
    private final int chunk;
    private int pos;

    Chunked(byte[] bytes, int chunk) {
      this.bytes = bytes;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
