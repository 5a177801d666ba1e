package io.berth.scheduler.testing.mesos;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UninitializedMessageException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import io.berth.scheduler.cluster.mesos.Encoding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTTP edge shared by the emulated master and agents: the Content-Type and Accept rules of
 * reference section 1.2, bodies to protobuf messages (JSON with proto field names, or binary),
 * and plain answers.
 */
final class Wire {

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private static final String MISSING = "Message missing required fields: ";

  private Wire() {}

  /** A call that cannot be served: the status and the body Mesos would send. */
  static final class Rejection extends Exception {
    final int status;

    Rejection(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** The encoding of a call body from its Content-Type: exact string compare, as Mesos does. */
  static Encoding contentType(HttpExchange exchange) throws Rejection {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null) {
      throw new Rejection(400, "Expecting 'Content-Type' to be present");
    }
    for (Encoding e : Encoding.values()) {
      if (e.contentType().equals(type)) {
        return e;
      }
    }
    throw new Rejection(415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
  }

  /** The event encoding a SUBSCRIBE asks for: JSON if acceptable, else protobuf, else 406. */
  static Encoding accept(HttpExchange exchange) throws Rejection {
    var values = exchange.getRequestHeaders().get("Accept");
    if (values == null || values.isEmpty()) {
      return Encoding.JSON;
    }
    String header = String.join(",", values);
    if (accepts(header, "application/json")) {
      return Encoding.JSON;
    }
    if (accepts(header, "application/x-protobuf")) {
      return Encoding.PROTOBUF;
    }
    throw new Rejection(406, "Expecting 'Accept' to allow application/json or application/x-protobuf");
  }

  static boolean accepts(String header, String mediaType) {
    String[] wanted = mediaType.split("/");
    for (String part : header.split(",")) {
      String[] params = part.split(";");
      String range = params[0].trim().toLowerCase(Locale.ROOT);
      double q = 1.0;
      for (int i = 1; i < params.length; i++) {
        String p = params[i].trim();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      String[] r = range.split("/");
      boolean match = range.equals("*/*") || range.equals(mediaType)
          || (r.length == 2 && r[0].equals(wanted[0]) && r[1].equals("*"));
      if (match && q > 0) {
        return true;
      }
    }
    return false;
  }

  /** Parses a body; a parse failure or a missing required field is a 400, worded as Mesos does. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T decode(byte[] body, Encoding encoding, Message.Builder builder) throws Rejection {
    try {
      if (encoding == Encoding.PROTOBUF) {
        builder.mergeFrom(body);
      } else {
        PARSER.merge(new String(body, StandardCharsets.UTF_8), builder);
      }
    } catch (UninitializedMessageException e) {
      // JsonFormat builds nested messages strictly: a missing required field inside one ends up here
      throw new Rejection(400, "Failed to validate call: Not initialized: "
          + String.join(", ", e.getMissingFields()));
    } catch (IOException | RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      if (why.startsWith(MISSING)) {
        throw new Rejection(400, "Failed to validate call: Not initialized: " + why.substring(MISSING.length()));
      }
      throw new Rejection(400, "Failed to parse body into Call protobuf: " + why);
    }
    if (!builder.isInitialized()) {
      Message partial = builder.buildPartial();
      throw new Rejection(400, "Failed to validate call: Not initialized: "
          + String.join(", ", partial.findInitializationErrors()));
    }
    return (T) builder.build();
  }

  static byte[] encode(Message message, Encoding encoding) {
    if (encoding == Encoding.PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return PRINTER.print(JsonDefaults.fill(message)).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getDescriptorForType().getName(), e);
    }
  }

  /** Sends a complete answer with a plain-text body (empty for 202) and closes the exchange. */
  static void answer(HttpExchange exchange, int status, String body) {
    try (exchange) {
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0) {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      // the caller went away: nothing to tell it
    }
  }

  static byte[] body(HttpExchange exchange) throws IOException {
    return exchange.getRequestBody().readAllBytes();
  }

  /**
   * An HTTP server on 127.0.0.1 (an ephemeral port) answering POSTs at exactly {@code path} and
   * {@code alias}; any other path under them gets 404.
   */
  static com.sun.net.httpserver.HttpServer serve(String path, String alias, int backlog,
                                                 java.util.concurrent.ExecutorService pool,
                                                 com.sun.net.httpserver.HttpHandler handler) throws IOException {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), backlog);
    com.sun.net.httpserver.HttpHandler exact = exchange -> {
      String asked = exchange.getRequestURI().getPath();
      if (asked.equals(path) || asked.equals(alias)) {
        handler.handle(exchange);
      } else {
        answer(exchange, 404, "");
      }
    };
    server.createContext(path, exact);
    server.createContext(alias, exact);
    server.setExecutor(pool);
    server.start();
    return server;
  }
}
