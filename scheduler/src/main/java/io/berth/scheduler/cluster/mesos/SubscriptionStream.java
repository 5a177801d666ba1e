package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The body of one 200 SUBSCRIBE response, read as bytes arrive: each RecordIO record is decoded
 * and handed on before reading further. A watch ends the stream when no event (any event) came for
 * {@code missedHeartbeats × heartbeat interval}; the interval is 15 s until SUBSCRIBED says
 * otherwise. An ERROR event ends it too. {@link #abort} ends it from any thread.
 */
final class SubscriptionStream {
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  private static final int BUFFER_BYTES = 64 * 1024;

  /** How the stream ended, and whether SUBSCRIBED had arrived on it. */
  record Ended(String reason, boolean subscribed) {}

  private final InputStream body;
  private final Encoding encoding;
  private final int missedHeartbeats;
  private final ScheduledExecutorService timer;
  private volatile long silenceLimitNanos;
  private volatile long lastEventNanos;
  private volatile String abortReason;
  private ScheduledFuture<?> watch;

  SubscriptionStream(InputStream body, Encoding encoding, int missedHeartbeats, ScheduledExecutorService timer) {
    this.body = requireNonNull(body, "body");
    this.encoding = requireNonNull(encoding, "encoding");
    this.missedHeartbeats = missedHeartbeats;
    this.timer = requireNonNull(timer, "timer");
    this.silenceLimitNanos = DEFAULT_HEARTBEAT.toNanos() * missedHeartbeats;
  }

  /** Reads until the stream ends, giving every event to {@code events} in order; says why it ended. */
  Ended read(Consumer<Event> events) {
    RecordIo.Decoder records = RecordIo.decoder();
    MesosCodec codec = new MesosCodec(encoding);
    byte[] buffer = new byte[BUFFER_BYTES];
    boolean subscribed = false;
    lastEventNanos = System.nanoTime();
    scheduleWatch(silenceLimitNanos);
    try {
      while (abortReason == null) {
        int n = body.read(buffer);
        if (n < 0) {
          if (abortReason == null) {
            records.finish();
          }
          return new Ended(abortReason != null ? abortReason : "the master closed the stream", subscribed);
        }
        for (byte[] record : records.feed(buffer, 0, n)) {
          if (abortReason != null) {
            break;
          }
          Event event = codec.decodeEvent(record);
          lastEventNanos = System.nanoTime();
          if (event.getType() == Event.Type.SUBSCRIBED) {
            subscribed = true;
            silenceLimitNanos = heartbeat(event).toNanos() * missedHeartbeats;
            scheduleWatch(silenceLimitNanos);
          }
          events.accept(event);
          if (event.getType() == Event.Type.ERROR) {
            return new Ended("ERROR event: " + event.getError().getMessage(), subscribed);
          }
        }
      }
      return new Ended(abortReason, subscribed);
    } catch (IOException e) {
      return new Ended(abortReason != null ? abortReason : "the stream broke: " + e, subscribed);
    } catch (MesosWireException e) {
      return new Ended(abortReason != null ? abortReason : e.getMessage(), subscribed);
    } finally {
      synchronized (this) {
        if (watch != null) {
          watch.cancel(false);
        }
      }
      closeBody();
    }
  }

  /** Ends the stream from any thread; the first reason given is the one reported. */
  void abort(String reason) {
    synchronized (this) {
      if (abortReason == null) {
        abortReason = reason;
      }
    }
    closeBody();
  }

  /** {@code heartbeat_interval_seconds} of a SUBSCRIBED event, 15 s when absent or not positive. */
  static Duration heartbeat(Event subscribed) {
    double seconds = subscribed.getSubscribed().getHeartbeatIntervalSeconds();
    return seconds > 0 && Double.isFinite(seconds)
        ? Duration.ofNanos((long) (seconds * 1e9))
        : DEFAULT_HEARTBEAT;
  }

  /** (Re)arms the watch; called from the reader (start, SUBSCRIBED) and from the watch itself. */
  private synchronized void scheduleWatch(long delayNanos) {
    if (watch != null) {
      watch.cancel(false);
    }
    if (abortReason == null) {
      watch = timer.schedule(this::checkSilence, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }
  }

  private void checkSilence() {
    long silent = System.nanoTime() - lastEventNanos;
    long limit = silenceLimitNanos;
    if (silent >= limit) {
      abort("no event for " + seconds(silent) + " (limit " + missedHeartbeats + " x heartbeat interval = "
          + seconds(limit) + ")");
    } else {
      scheduleWatch(limit - silent);
    }
  }

  private void closeBody() {
    try {
      body.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
