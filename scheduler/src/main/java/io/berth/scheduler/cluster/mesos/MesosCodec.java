package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UninitializedMessageException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * Scheduler calls and events to and from bytes, in one {@link Encoding}. JSON follows what Mesos
 * parses and prints: proto field names (snake_case; Mesos silently drops camelCase keys), enums by
 * name, {@code bytes} as standard Base64, unknown keys ignored when reading (newer masters add
 * fields). Both directions are here so the emulator speaks through the same code as the driver.
 */
public final class MesosCodec {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private final Encoding encoding;

  public MesosCodec(Encoding encoding) {
    this.encoding = requireNonNull(encoding, "encoding");
  }

  public Encoding encoding() {
    return encoding;
  }

  public byte[] encodeCall(Call call) {
    return encode(call);
  }

  public byte[] encodeEvent(Event event) {
    return encode(event);
  }

  public Call decodeCall(byte[] body) {
    Call.Builder builder = Call.newBuilder();
    decode(body, builder, "call");
    return build(builder, "call");
  }

  /** One RecordIO record of an event stream. */
  public Event decodeEvent(byte[] record) {
    Event.Builder builder = Event.newBuilder();
    decode(record, builder, "event");
    return build(builder, "event");
  }

  private byte[] encode(Message message) {
    requireNonNull(message, "message");
    if (encoding == Encoding.PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new MesosWireException("cannot print " + message.getDescriptorForType().getName() + " as JSON", e);
    }
  }

  private void decode(byte[] bytes, Message.Builder builder, String what) {
    requireNonNull(bytes, "bytes");
    try {
      if (encoding == Encoding.PROTOBUF) {
        builder.mergeFrom(bytes);
      } else {
        parseJson(new String(bytes, StandardCharsets.UTF_8), builder);
      }
    } catch (IOException | RuntimeException e) {
      throw new MesosWireException("malformed " + encoding + " " + what + ": " + e.getMessage(), e);
    }
  }

  private static void parseJson(String json, Message.Builder builder) throws IOException {
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("Invalid enum value")) {
        throw e;
      }
      builder.clear();
      PARSER.merge(UnknownEnums.drop(json, builder.getDescriptorForType()), builder);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T build(Message.Builder builder, String what) {
    try {
      return (T) builder.build();
    } catch (UninitializedMessageException e) {
      throw new MesosWireException(what + " lacks required fields: " + e.getMessage(), e);
    }
  }
}
