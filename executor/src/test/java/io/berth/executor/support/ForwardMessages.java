package io.berth.executor.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;

/**
 * Decodes what a fluentd forward server receives (Forward protocol v1, uncompressed): Message
 * {@code [tag, time, record, option?]}, Forward {@code [tag, [[time, record], ...], option?]} and
 * PackedForward {@code [tag, bin, option?]} modes. A partial trailing message is ignored.
 */
public final class ForwardMessages {

  /** One log event: its tag and its record with values as strings. */
  public record Event(String tag, Map<String, String> record) {}

  private ForwardMessages() {}

  public static List<Event> decode(byte[] stream) {
    List<Event> events = new ArrayList<>();
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(stream)) {
      while (in.hasNext()) {
        Value v = in.unpackValue();
        if (!v.isArrayValue() || v.asArrayValue().size() < 2) {
          continue;
        }
        ArrayValue a = v.asArrayValue();
        String tag = a.get(0).asStringValue().asString();
        Value second = a.get(1);
        if (second.isArrayValue()) {
          for (Value entry : second.asArrayValue()) {
            events.add(new Event(tag, record(entry.asArrayValue().get(1))));
          }
        } else if (second.isBinaryValue() || second.isStringValue()) {
          byte[] packed = second.isBinaryValue() ? second.asBinaryValue().asByteArray()
              : second.asStringValue().asByteArray();
          try (MessageUnpacker entries = MessagePack.newDefaultUnpacker(packed)) {
            while (entries.hasNext()) {
              events.add(new Event(tag, record(entries.unpackValue().asArrayValue().get(1))));
            }
          }
        } else if (a.size() >= 3) {
          events.add(new Event(tag, record(a.get(2))));
        }
      }
    } catch (IOException | RuntimeException truncated) {
      // the helper may be mid-write: keep what was complete
    }
    return events;
  }

  private static Map<String, String> record(Value v) {
    Map<String, String> out = new LinkedHashMap<>();
    v.asMapValue().map().forEach((k, val) -> out.put(k.toString(),
        val.isStringValue() ? val.asStringValue().asString() : val.toString()));
    return out;
  }
}
