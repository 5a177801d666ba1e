package io.berth.scheduler.testing.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.berth.scheduler.cluster.mesos.Encoding;
import io.berth.scheduler.cluster.mesos.RecordIo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;

/** A bare executor for the emulator's tests: raw HTTP to an agent's executor API. */
final class RawExecutor implements AutoCloseable {

  final URI api;
  final Encoding encoding;
  final String frameworkId;
  final String executorId;
  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  final CompletableFuture<String> ended = new CompletableFuture<>();
  private InputStream body;

  RawExecutor(String agentEndpoint, Encoding encoding, String frameworkId, String executorId) {
    this.api = URI.create("http://" + agentEndpoint + "/api/v1/executor");
    this.encoding = encoding;
    this.frameworkId = frameworkId;
    this.executorId = executorId;
  }

  Call.Builder call(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))
        .setExecutorId(ExecutorID.newBuilder().setValue(executorId));
  }

  byte[] encode(Call call) {
    try {
      return encoding == Encoding.PROTOBUF ? call.toByteArray()
          : JsonFormat.printer().preservingProtoFieldNames().print(call).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Event decode(byte[] record) throws IOException {
    if (encoding == Encoding.PROTOBUF) {
      return Event.parseFrom(record);
    }
    Event.Builder b = Event.newBuilder();
    JsonFormat.parser().merge(new String(record, StandardCharsets.UTF_8), b);
    return b.build();
  }

  RawExecutor subscribe(Call.Subscribe subscribe) throws Exception {
    HttpResponse<InputStream> r = RawScheduler.HTTP.send(HttpRequest.newBuilder(api)
        .header("Content-Type", encoding.contentType()).header("Accept", encoding.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(encode(call(Call.Type.SUBSCRIBE).setSubscribe(subscribe)
            .build()))).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Mesos-Stream-Id")).isEmpty();
    body = r.body();
    Thread reader = new Thread(() -> {
      RecordIo.Decoder decoder = RecordIo.decoder();
      byte[] buffer = new byte[8192];
      try (InputStream in = body) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          for (byte[] record : decoder.feed(buffer, 0, n)) {
            events.add(decode(record));
          }
        }
        ended.complete("closed");
      } catch (IOException | RuntimeException e) {
        ended.complete("broken: " + e);
      }
    }, "raw-executor-reader");
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  Event next(Event.Type type) throws InterruptedException {
    long deadline = System.nanoTime() + RawScheduler.WAIT.toNanos();
    while (true) {
      Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + type + " event");
      }
      if (e.getType() == type) {
        return e;
      }
    }
  }

  int send(Call call) {
    return send(encode(call), encoding.contentType());
  }

  int send(byte[] body, String contentType) {
    return RawScheduler.send(HttpRequest.newBuilder(api).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode();
  }

  @Override
  public void close() {
    if (body != null) {
      try {
        body.close();
      } catch (IOException e) {
        // already broken
      }
    }
  }
}
