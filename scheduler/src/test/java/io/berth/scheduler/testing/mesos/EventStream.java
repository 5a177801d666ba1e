package io.berth.scheduler.testing.mesos;

import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import io.berth.scheduler.cluster.mesos.Encoding;
import io.berth.scheduler.cluster.mesos.RecordIo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One long-lived RecordIO response (a scheduler's or an executor's subscription). Events are
 * queued by any thread and written, one record per flush, by the HTTP handler thread that
 * {@link #serve}s the exchange, so the emulator's lock never waits on a socket.
 */
final class EventStream {

  private static final Object CLOSE = new Object();
  private static final Object DROP = new Object();

  final String id = UUID.randomUUID().toString();
  final Encoding encoding;
  private final HttpExchange exchange;
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile boolean open = true;

  /** Thrown out of the handler so that the server cuts the connection without a last chunk. */
  static final class Dropped extends RuntimeException {
    Dropped() {
      super("stream dropped by the emulator", null, false, false);
    }
  }

  EventStream(HttpExchange exchange, Encoding encoding) {
    this.exchange = exchange;
    this.encoding = encoding;
  }

  boolean isOpen() {
    return open;
  }

  void send(Message event) {
    if (open) {
      queue.add(RecordIo.encode(Wire.encode(event, encoding)));
    }
  }

  /** Sends what is queued, then ends the body cleanly. */
  void close() {
    open = false;
    queue.add(CLOSE);
  }

  /** Cuts the connection at once, as a network failure would. */
  void drop() {
    open = false;
    queue.clear();
    queue.add(DROP);
  }

  /**
   * Writes the 200 and then events until the stream ends; blocks the calling handler thread.
   * {@code onBroken} runs when the peer went away (not after {@link #close} or {@link #drop}).
   */
  void serve(boolean withStreamId, Consumer<EventStream> onBroken) {
    try {
      exchange.getResponseHeaders().set("Content-Type", encoding.contentType());
      if (withStreamId) {
        exchange.getResponseHeaders().set("Mesos-Stream-Id", id);
      }
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      while (true) {
        Object next = queue.take();
        if (next == DROP) {
          throw new Dropped();
        }
        if (next == CLOSE) {
          out.close();
          exchange.close();
          return;
        }
        out.write((byte[]) next);
        out.flush();
      }
    } catch (IOException e) {
      boolean wasOpen = open;
      open = false;
      exchange.close();
      if (wasOpen) {
        onBroken.accept(this);
      }
    } catch (InterruptedException e) {
      open = false;
      Thread.currentThread().interrupt();
      throw new Dropped();
    }
  }
}
