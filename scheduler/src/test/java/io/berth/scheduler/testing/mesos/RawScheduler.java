package io.berth.scheduler.testing.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.berth.scheduler.cluster.mesos.Encoding;
import io.berth.scheduler.cluster.mesos.MesosCodec;
import io.berth.scheduler.cluster.mesos.RecordIo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A bare scheduler for the emulator's tests: raw HTTP/1.1 with the JDK client, the driver's own
 * codec and RecordIO decoder, events collected on a queue by a reader thread.
 */
final class RawScheduler implements AutoCloseable {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  static final Duration WAIT = Duration.ofSeconds(10);

  final URI master;
  final Encoding encoding;
  final MesosCodec codec;
  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  /** Events {@link #next} passed over (heartbeats aside), offered again to the next {@code next}. */
  private final java.util.List<Event> skipped = new java.util.ArrayList<>();
  final CompletableFuture<String> ended = new CompletableFuture<>();
  final String streamId;
  final String frameworkId;
  private final InputStream body;

  private RawScheduler(URI master, Encoding encoding, HttpResponse<InputStream> response) {
    this.master = master;
    this.encoding = encoding;
    this.codec = new MesosCodec(encoding);
    this.body = response.body();
    this.streamId = response.headers().firstValue("Mesos-Stream-Id").orElse(null);
    Thread reader = new Thread(this::read, "raw-scheduler-reader");
    reader.setDaemon(true);
    reader.start();
    Event first = next(e -> true);
    this.frameworkId = first.getType() == Event.Type.SUBSCRIBED
        ? first.getSubscribed().getFrameworkId().getValue() : null;
    if (first.getType() != Event.Type.SUBSCRIBED) {
      events.add(first);
    }
  }

  static FrameworkInfo.Builder framework() {
    return FrameworkInfo.newBuilder().setUser("root").setName("emulator-test").setFailoverTimeout(3600)
        .setCheckpoint(true)
        .addCapabilities(FrameworkInfo.Capability.newBuilder().setType(FrameworkInfo.Capability.Type.PARTITION_AWARE))
        .addCapabilities(FrameworkInfo.Capability.newBuilder().setType(FrameworkInfo.Capability.Type.MULTI_ROLE))
        .addRoles("*");
  }

  static Call subscribeCall(FrameworkInfo info) {
    Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE)
        .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info));
    if (info.hasId()) {
      call.setFrameworkId(info.getId());
    }
    return call.build();
  }

  static RawScheduler subscribe(URI master, Encoding encoding, FrameworkInfo info) {
    HttpResponse<InputStream> response = open(master, encoding, subscribeCall(info));
    assertThat(response.statusCode()).as("SUBSCRIBE status").isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(encoding.contentType());
    return new RawScheduler(master, encoding, response);
  }

  /** Subscribes again with this framework's id, as after a broken stream. */
  RawScheduler resubscribe(URI to) {
    return subscribe(to, encoding, framework().setId(FrameworkID.newBuilder().setValue(frameworkId)).build());
  }

  static HttpResponse<InputStream> open(URI master, Encoding encoding, Call call) {
    try {
      return HTTP.send(HttpRequest.newBuilder(master.resolve("/api/v1/scheduler"))
          .header("Content-Type", encoding.contentType()).header("Accept", encoding.contentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(new MesosCodec(encoding).encodeCall(call))).build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private void read() {
    RecordIo.Decoder decoder = RecordIo.decoder();
    byte[] buffer = new byte[8192];
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        for (byte[] record : decoder.feed(buffer, 0, n)) {
          events.add(codec.decodeEvent(record));
        }
      }
      ended.complete("closed");
    } catch (IOException | RuntimeException e) {
      ended.complete("broken: " + e);
    }
  }

  /** The next event that matches, skipping the others; fails after {@link #WAIT}. */
  Event next(Predicate<Event> wanted) {
    return next(wanted, WAIT);
  }

  Event next(Predicate<Event> wanted, Duration wait) {
    synchronized (skipped) {
      for (var it = skipped.iterator(); it.hasNext(); ) {
        Event e = it.next();
        if (wanted.test(e)) {
          it.remove();
          return e;
        }
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (e == null) {
          throw new AssertionError("no matching event within " + wait);
        }
        if (wanted.test(e)) {
          return e;
        }
        if (e.getType() != Event.Type.HEARTBEAT) {
          synchronized (skipped) {
            skipped.add(e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Event next(Event.Type type) {
    return next(e -> e.getType() == type);
  }

  /** The next UPDATE of this task. */
  TaskStatus update(String taskId) {
    return next(e -> e.getType() == Event.Type.UPDATE
        && e.getUpdate().getStatus().getTaskId().getValue().equals(taskId)).getUpdate().getStatus();
  }

  /** Forgets every event received so far, the skipped ones included. */
  void clear() {
    synchronized (skipped) {
      skipped.clear();
    }
    events.clear();
  }

  /** The next event of any kind, or null if none comes within {@code wait}. */
  Event poll(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  Call.Builder call(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId));
  }

  /** Sends a call on a connection of its own, with this stream's id; returns the status. */
  int send(Call call) {
    return send(master, call);
  }

  int send(URI to, Call call) {
    return post(to, encoding, streamId, codec.encodeCall(call)).statusCode();
  }

  int acknowledge(TaskStatus status) {
    return send(call(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
        .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid())).build());
  }

  static HttpResponse<String> post(URI master, Encoding encoding, String streamId, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(master.resolve("/api/v1/scheduler"))
        .header("Content-Type", encoding.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (streamId != null) {
      b.header("Mesos-Stream-Id", streamId);
    }
    return send(b.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static ByteString uuid(int size) {
    return ByteString.copyFrom(new byte[size]);
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // already broken
    }
  }
}
