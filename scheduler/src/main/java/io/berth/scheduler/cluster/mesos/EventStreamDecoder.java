package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of one SUBSCRIBE response, chunk by chunk: RecordIO records decoded in the stream's
 * encoding and mapped to {@link MesosEvent}s. One per connection; not thread-safe. Any
 * {@link MesosWireException} means the stream is unusable: drop the connection and resubscribe.
 */
public final class EventStreamDecoder {
  private final RecordIo.Decoder records;
  private final MesosCodec codec;

  public EventStreamDecoder(Encoding encoding) {
    this(encoding, RecordIo.DEFAULT_MAX_RECORD_BYTES);
  }

  public EventStreamDecoder(Encoding encoding, int maxRecordBytes) {
    this.codec = new MesosCodec(requireNonNull(encoding, "encoding"));
    this.records = RecordIo.decoder(maxRecordBytes);
  }

  public List<MesosEvent> feed(byte[] chunk) {
    return feed(chunk, 0, chunk.length);
  }

  public List<MesosEvent> feed(byte[] chunk, int offset, int length) {
    List<MesosEvent> events = new ArrayList<>();
    for (byte[] record : records.feed(chunk, offset, length)) {
      events.add(EventMapper.map(codec.decodeEvent(record)));
    }
    return events;
  }

  /** The response body ended: fails if it ended inside a record. */
  public void finish() {
    records.finish();
  }
}
