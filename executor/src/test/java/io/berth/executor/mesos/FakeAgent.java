package io.berth.executor.mesos;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;

/**
 * A tiny Mesos agent for the executor API: answers SUBSCRIBE with a RecordIO stream the test pushes
 * events into, records every call (and the raw JSON bodies), answers UPDATE with 202, and can
 * acknowledge updates itself as the real agent's status update manager does.
 */
final class FakeAgent implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Encoding encoding;
  final List<Call> subscribes = new CopyOnWriteArrayList<>();
  final List<Call> updates = new CopyOnWriteArrayList<>();
  final List<String> rawBodies = new CopyOnWriteArrayList<>();
  private volatile Stream stream;
  private volatile boolean autoAcknowledge;
  private final AtomicInteger recoveringFor = new AtomicInteger();
  final AtomicInteger refusedSubscribes = new AtomicInteger();
  private volatile String agentId;

  FakeAgent(Encoding encoding) throws IOException {
    this.encoding = encoding;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/api/v1/executor", this::handle);
    server.start();
  }

  String endpoint() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answer the next {@code subscribes} SUBSCRIBE calls with 503, as an agent still recovering does. */
  FakeAgent recoveringFor(int subscribes) {
    recoveringFor.set(subscribes);
    return this;
  }

  /** Name this agent id in SUBSCRIBED (by default it names none). */
  FakeAgent withAgentId(String id) {
    agentId = id;
    return this;
  }

  /** Acknowledge every UPDATE right after answering it. */
  FakeAgent acknowledgingEverything() {
    autoAcknowledge = true;
    return this;
  }

  private static final class Stream {
    final HttpExchange exchange;
    final CountDownLatch closed = new CountDownLatch(1);

    Stream(HttpExchange exchange) {
      this.exchange = exchange;
    }

    synchronized void write(byte[] record) throws IOException {
      OutputStream out = exchange.getResponseBody();
      out.write((record.length + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(record);
      out.flush();
    }

    synchronized void close() {
      exchange.close();
      closed.countDown();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      reply(exchange, 405);
      return;
    }
    if (!encoding.mediaType().equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      reply(exchange, 415);
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    Call call;
    try {
      call = parse(body);
    } catch (InvalidProtocolBufferException e) {
      reply(exchange, 400);
      return;
    }
    if (call.getType() == Call.Type.SUBSCRIBE) {
      subscribe(exchange, call);
      return;
    }
    if (call.getType() == Call.Type.UPDATE && call.getUpdate().getStatus().getUuid().size() != 16) {
      reply(exchange, 400);
      return;
    }
    if (call.getType() == Call.Type.UPDATE) {
      updates.add(call);
    }
    reply(exchange, 202);
    if (autoAcknowledge && call.getType() == Call.Type.UPDATE) {
      acknowledge(call.getUpdate().getStatus().getTaskId().getValue(), call.getUpdate().getStatus().getUuid());
    }
  }

  private Call parse(byte[] body) throws InvalidProtocolBufferException {
    if (encoding == Encoding.PROTOBUF) {
      return Call.parseFrom(body);
    }
    String json = new String(body, StandardCharsets.UTF_8);
    rawBodies.add(json);
    Call.Builder call = Call.newBuilder();
    JsonFormat.parser().merge(json, call);
    return call.build();
  }

  private void subscribe(HttpExchange exchange, Call call) throws IOException {
    if (!encoding.mediaType().equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      reply(exchange, 406);
      return;
    }
    if (recoveringFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      refusedSubscribes.incrementAndGet();
      reply(exchange, 503);
      return;
    }
    Stream previous = stream;
    if (previous != null) {
      previous.close();
    }
    exchange.getResponseHeaders().set("Content-Type", encoding.mediaType());
    exchange.sendResponseHeaders(200, 0);
    Stream s = new Stream(exchange);
    stream = s;
    push(subscribed(call));
    subscribes.add(call);
    try {
      s.closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int code) throws IOException {
    exchange.sendResponseHeaders(code, -1);
    exchange.close();
  }

  /** Sends an event on the open subscription stream. */
  void push(Event event) {
    Stream s = stream;
    if (s == null) {
      throw new IllegalStateException("no executor is subscribed");
    }
    try {
      s.write(encoding == Encoding.PROTOBUF ? event.toByteArray()
          : JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace().print(event)
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("the stream is gone", e);
    }
  }

  /** Ends the subscription stream, as an agent restart would. */
  void dropStream() {
    Stream s = stream;
    stream = null;
    if (s != null) {
      s.close();
    }
  }

  void launch(TaskInfo task) {
    push(Event.newBuilder().setType(Event.Type.LAUNCH).setLaunch(Event.Launch.newBuilder().setTask(task)).build());
  }

  void kill(String taskId, KillPolicy policy) {
    Event.Kill.Builder kill = Event.Kill.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId));
    if (policy != null) {
      kill.setKillPolicy(policy);
    }
    push(Event.newBuilder().setType(Event.Type.KILL).setKill(kill).build());
  }

  void acknowledge(String taskId, ByteString uuid) {
    push(Event.newBuilder().setType(Event.Type.ACKNOWLEDGED).setAcknowledged(Event.Acknowledged.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(taskId)).setUuid(uuid)).build());
  }

  void error(String message) {
    push(Event.newBuilder().setType(Event.Type.ERROR).setError(Event.Error.newBuilder().setMessage(message)).build());
  }

  void shutdown() {
    push(Event.newBuilder().setType(Event.Type.SHUTDOWN).build());
  }

  private Event subscribed(Call call) {
    FrameworkID framework = call.getFrameworkId();
    ExecutorID executor = call.getExecutorId();
    return Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
        .setExecutorInfo(ExecutorInfo.newBuilder().setExecutorId(executor).setFrameworkId(framework)
            .setCommand(CommandInfo.newBuilder().setValue("java -jar berth-executor.jar")))
        .setFrameworkInfo(FrameworkInfo.newBuilder().setId(framework).setUser("root").setName("berth"))
        .setAgentInfo(agentInfo())).build();
  }

  private AgentInfo agentInfo() {
    AgentInfo.Builder info = AgentInfo.newBuilder().setHostname("agent-1.example");
    String id = agentId;
    if (id != null) {
      info.setId(AgentID.newBuilder().setValue(id));
    }
    return info.build();
  }

  @Override
  public void close() {
    dropStream();
    server.stop(0);
    threads.shutdownNow();
  }
}
