package io.berth.executor.mesos;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;

/**
 * How calls and events travel: JSON with the proto field names (snake_case, which is all Mesos
 * reads), or binary protobuf. The same value goes in {@code Content-Type} and {@code Accept}.
 * Events are read leniently: unknown fields are skipped and missing required fields tolerated.
 */
public enum Encoding {
  JSON("application/json") {
    @Override
    byte[] encode(Call call) {
      try {
        return PRINTER.print(call).getBytes(StandardCharsets.UTF_8);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalArgumentException("cannot print " + call.getType() + " as JSON", e);
      }
    }

    @Override
    Event decode(byte[] record) throws InvalidProtocolBufferException {
      Event.Builder event = Event.newBuilder();
      PARSER.merge(new String(record, StandardCharsets.UTF_8), event);
      return event.buildPartial();
    }
  },
  PROTOBUF("application/x-protobuf") {
    @Override
    byte[] encode(Call call) {
      return call.toByteArray();
    }

    @Override
    Event decode(byte[] record) throws InvalidProtocolBufferException {
      return Event.parser().parsePartialFrom(record);
    }
  };

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
      .omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private final String mediaType;

  Encoding(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  abstract byte[] encode(Call call);

  abstract Event decode(byte[] record) throws InvalidProtocolBufferException;

  static Encoding named(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "protobuf", "proto" -> PROTOBUF;
      default -> throw new IllegalArgumentException("'" + name + "' is neither json nor protobuf");
    };
  }
}
