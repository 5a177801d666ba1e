package io.berth.scheduler.cluster.mesos;

import java.util.Locale;

/**
 * How calls and events travel: {@code BERTH_MESOS_ENCODING=protobuf} (the default) or {@code json}.
 * The content type is sent as the exact string Mesos compares against (no {@code charset}).
 */
public enum Encoding {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private final String contentType;

  Encoding(String contentType) {
    this.contentType = contentType;
  }

  /** The value of {@code Content-Type} (calls) and {@code Accept} (SUBSCRIBE). */
  public String contentType() {
    return contentType;
  }

  /** Reads a configuration value: {@code protobuf} or {@code json}, any case. */
  public static Encoding fromConfig(String value) {
    String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "protobuf", "proto" -> PROTOBUF;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException(
          "Mesos encoding must be 'protobuf' or 'json', was '" + value + "'");
    };
  }

  /** The encoding of a response, from its {@code Content-Type} (parameters ignored). */
  public static Encoding fromContentType(String header) {
    String type = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (Encoding encoding : values()) {
      if (encoding.contentType.equals(type)) {
        return encoding;
      }
    }
    throw new MesosWireException("unexpected Content-Type from Mesos: '" + header + "'");
  }
}
