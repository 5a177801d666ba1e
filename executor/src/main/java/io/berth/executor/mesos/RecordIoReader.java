package io.berth.executor.mesos;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads RecordIO ({@code <decimal size>\n<size bytes>}, repeated) from a stream, one record at a
 * time, whatever the HTTP chunk boundaries. A stream may end only between records.
 */
final class RecordIoReader {

  /** Larger records are refused rather than allocated (a broken header must not exhaust memory). */
  static final long MAX_RECORD = 64L * 1024 * 1024;

  private final InputStream in;

  RecordIoReader(InputStream in) {
    this.in = in;
  }

  /** The next record, or null when the stream ended cleanly. */
  byte[] next() throws IOException {
    long size = 0;
    int digits = 0;
    while (true) {
      int b = in.read();
      if (b == -1) {
        if (digits == 0) {
          return null;
        }
        throw new EOFException("stream ended inside a RecordIO header");
      }
      if (b == '\n') {
        break;
      }
      if (b < '0' || b > '9') {
        throw new IOException("RecordIO header has a non-digit byte 0x" + Integer.toHexString(b));
      }
      size = size * 10 + (b - '0');
      if (++digits > 19 || size > MAX_RECORD) {
        throw new IOException("RecordIO record too large");
      }
    }
    if (digits == 0 || size == 0) {
      throw new IOException(digits == 0 ? "empty RecordIO header" : "RecordIO record of size 0");
    }
    byte[] record = in.readNBytes((int) size);
    if (record.length < size) {
      throw new EOFException("stream ended inside a RecordIO record (" + record.length + " of " + size + " bytes)");
    }
    return record;
  }
}
