package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RecordIO, the framing of Mesos event streams: {@code <decimal byte count>\n<bytes>}, repeated,
 * with no separator, header or trailer. HTTP chunk boundaries mean nothing: {@link Decoder} takes
 * arbitrary byte chunks and returns the records completed so far.
 */
public final class RecordIo {

  /** 64 MiB: far above any Mesos event (a 1,000-agent OFFERS event is a few MB). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

  private RecordIo() {}

  /** Frames one record. */
  public static byte[] encode(byte[] record) {
    requireNonNull(record, "record");
    if (record.length == 0) {
      throw new IllegalArgumentException("RecordIO cannot carry an empty record");
    }
    byte[] header = (record.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[header.length + record.length];
    System.arraycopy(header, 0, framed, 0, header.length);
    System.arraycopy(record, 0, framed, header.length, record.length);
    return framed;
  }

  public static Decoder decoder() {
    return new Decoder(DEFAULT_MAX_RECORD_BYTES);
  }

  public static Decoder decoder(int maxRecordBytes) {
    return new Decoder(maxRecordBytes);
  }

  /**
   * An incremental decoder for one stream; not thread-safe. After an error it stays failed: a
   * RecordIO stream cannot be resynchronised, the connection must be dropped.
   */
  public static final class Decoder {
    private static final int MAX_HEADER_DIGITS = 20;
    private final int maxRecordBytes;
    private long size;
    private int headerDigits;
    private byte[] record;
    private int filled;
    private String failure;

    private Decoder(int maxRecordBytes) {
      if (maxRecordBytes < 1) {
        throw new IllegalArgumentException("maxRecordBytes must be positive, was " + maxRecordBytes);
      }
      this.maxRecordBytes = maxRecordBytes;
    }

    public List<byte[]> feed(byte[] chunk) {
      return feed(chunk, 0, chunk.length);
    }

    /** Consumes {@code length} bytes of {@code chunk} and returns the records they completed. */
    public List<byte[]> feed(byte[] chunk, int offset, int length) {
      requireNonNull(chunk, "chunk");
      if (offset < 0 || length < 0 || offset + length > chunk.length) {
        throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", chunk " + chunk.length);
      }
      if (failure != null) {
        throw new IllegalStateException("RecordIO stream already failed: " + failure);
      }
      List<byte[]> records = new ArrayList<>();
      int at = offset;
      int end = offset + length;
      while (at < end) {
        if (record == null) {
          at = readHeader(chunk, at, end);
        } else {
          int n = Math.min(end - at, record.length - filled);
          System.arraycopy(chunk, at, record, filled, n);
          filled += n;
          at += n;
        }
        if (record != null && filled == record.length) {
          records.add(record);
          record = null;
          filled = 0;
        }
      }
      return records;
    }

    /** True when the bytes fed so far end exactly after a record (where a stream may end). */
    public boolean isBetweenRecords() {
      return failure == null && record == null && headerDigits == 0;
    }

    /** The stream ended: fails if it ended inside a record. */
    public void finish() {
      if (failure != null) {
        throw new IllegalStateException("RecordIO stream already failed: " + failure);
      }
      if (!isBetweenRecords()) {
        throw fail(record == null
            ? "stream ended inside a record header"
            : "stream ended inside a record: " + filled + " of " + record.length + " bytes read");
      }
    }

    private int readHeader(byte[] chunk, int at, int end) {
      while (at < end) {
        byte b = chunk[at++];
        if (b == '\n') {
          if (headerDigits == 0) {
            throw fail("empty record size");
          }
          if (size == 0) {
            throw fail("record size 0");
          }
          record = new byte[(int) size];
          size = 0;
          headerDigits = 0;
          return at;
        }
        if (b < '0' || b > '9') {
          throw fail("record size has a non-digit byte 0x" + Integer.toHexString(b & 0xff)
              + " after " + headerDigits + " digits");
        }
        size = size * 10 + (b - '0');
        headerDigits++;
        if (headerDigits > MAX_HEADER_DIGITS) {
          throw fail("record size longer than " + MAX_HEADER_DIGITS + " digits");
        }
        if (size > maxRecordBytes) {
          throw fail("record size exceeds the limit of " + maxRecordBytes + " bytes");
        }
      }
      return at;
    }

    private MesosWireException fail(String why) {
      failure = why;
      return new MesosWireException("malformed RecordIO stream: " + why);
    }
  }
}
