package io.berth.scheduler.cluster.mesos;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** One open SUBSCRIBE response of a {@link ScriptedMaster}: the test writes the events. */
final class MasterStream {
  private final String id;
  private final Encoding encoding;
  private final int clientPort;
  private final OutputStream out;
  private final CountDownLatch ended = new CountDownLatch(1);

  MasterStream(String id, Encoding encoding, int clientPort, OutputStream out) {
    this.id = id;
    this.encoding = encoding;
    this.clientPort = clientPort;
    this.out = out;
  }

  String id() {
    return id;
  }

  Encoding encoding() {
    return encoding;
  }

  /** The port of the client's end of the stream's connection. */
  int clientPort() {
    return clientPort;
  }

  static Event subscribedEvent(String frameworkId, double heartbeatSeconds) {
    return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder()
            .setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))
            .setHeartbeatIntervalSeconds(heartbeatSeconds))
        .build();
  }

  static Event heartbeatEvent() {
    return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
  }

  static Event errorEvent(String message) {
    return Event.newBuilder().setType(Event.Type.ERROR)
        .setError(Event.Error.newBuilder().setMessage(message)).build();
  }

  MasterStream subscribed(String frameworkId, double heartbeatSeconds) throws IOException {
    return send(subscribedEvent(frameworkId, heartbeatSeconds));
  }

  /** Each event as its own record, flushed (one HTTP chunk each). */
  MasterStream send(Event... events) throws IOException {
    for (Event event : events) {
      write(framed(event));
    }
    return this;
  }

  /** The event's RecordIO record in this stream's encoding. */
  byte[] framed(Event event) {
    return RecordIo.encode(new MesosCodec(encoding).encodeEvent(event));
  }

  /** Raw bytes, flushed as one chunk. */
  synchronized MasterStream write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** True once the client has dropped the connection: a write fails. */
  boolean clientGone() {
    try {
      write(framed(heartbeatEvent()));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** The master closes the stream (a clean end of the chunked body). */
  void end() {
    try {
      out.close();
    } catch (IOException ignored) {
      // the client may be gone already
    }
    ended.countDown();
  }

  boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(millis, TimeUnit.MILLISECONDS);
  }
}
