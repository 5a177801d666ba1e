package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * A Mesos master for the client's tests, scripted per test: answers queued for SUBSCRIBE (by
 * default a 200 event stream the test then writes to) and for other calls (by default 202), with
 * every request recorded: headers, decoded call, and the client's port (one per connection).
 */
final class ScriptedMaster implements AutoCloseable {
  static final long WAIT_SECONDS = 10;

  /** One request as the master saw it; {@code call} is null when the body did not decode. */
  record Request(Map<String, List<String>> headers, Call call, int clientPort) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean isSubscribe() {
      return call != null && call.getType() == Call.Type.SUBSCRIBE;
    }
  }

  /** How the master answers one request. */
  interface Answer {
    void answer(HttpExchange exchange, Request request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(MesosHttp.daemonThreads("scripted-master"));
  private final Queue<Answer> subscribeAnswers = new ConcurrentLinkedQueue<>();
  private final Queue<Answer> callAnswers = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<MasterStream> streams = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  private ScriptedMaster() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(MasterUrls.SCHEDULER_PATH, this::handle);
    server.start();
  }

  static ScriptedMaster start() {
    try {
      return new ScriptedMaster();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The next SUBSCRIBEs get these answers, in order; after them, streams again. */
  ScriptedMaster answerSubscribe(Answer... answers) {
    subscribeAnswers.addAll(List.of(answers));
    return this;
  }

  /** The next other calls get these answers, in order; after them, 202 again. */
  ScriptedMaster answerCalls(Answer... answers) {
    callAnswers.addAll(List.of(answers));
    return this;
  }

  List<Request> subscribes() {
    return requests.stream().filter(Request::isSubscribe).toList();
  }

  List<Request> calls() {
    return requests.stream().filter(r -> !r.isSubscribe()).toList();
  }

  /** The next stream the master opened, waiting for the client's SUBSCRIBE if need be. */
  MasterStream awaitStream() throws InterruptedException {
    MasterStream stream = streams.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(stream).as("a SUBSCRIBE answered with a stream by %s", url()).isNotNull();
    return stream;
  }

  static Answer status(int status, String body) {
    return (exchange, request) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** 307 with this {@code Location}, as a non-leading master answers. */
  static Answer redirectTo(String location) {
    return (exchange, request) -> {
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(307, -1);
      exchange.close();
    };
  }

  /** Never answers (until the master closes). */
  Answer hang() {
    return (exchange, request) -> awaitClose();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Request request = record(exchange);
      Answer scripted = request.isSubscribe() ? subscribeAnswers.poll() : callAnswers.poll();
      if (scripted != null) {
        scripted.answer(exchange, request);
      } else if (request.isSubscribe()) {
        openStream(exchange, request);
      } else {
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private Request record(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Call call = null;
    try {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      call = new MesosCodec(Encoding.fromContentType(contentType)).decodeCall(body);
    } catch (MesosCallException e) {
      // recorded without a call; the test's assertions on headers say why
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(exchange.getRequestHeaders());
    Request request = new Request(headers, call, exchange.getRemoteAddress().getPort());
    requests.add(request);
    return request;
  }

  private void openStream(HttpExchange exchange, Request request) throws IOException, InterruptedException {
    Encoding encoding = Encoding.fromContentType(request.header("Accept"));
    String id = UUID.randomUUID().toString();
    exchange.getResponseHeaders().add("Content-Type", encoding.contentType());
    exchange.getResponseHeaders().add(MesosRequests.STREAM_ID, id);
    exchange.sendResponseHeaders(200, 0);
    MasterStream stream = new MasterStream(id, encoding, request.clientPort(), exchange.getResponseBody());
    streams.add(stream);
    while (!stream.awaitEnd(100) && closed.getCount() > 0) {
      // the test writes to the stream from its own thread
    }
  }

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
