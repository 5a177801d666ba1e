package io.berth.executor.mesos;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;

/**
 * HTTP to the agent's {@code /api/v1/executor}: the SUBSCRIBE stream on a connection of its own,
 * every other call answered by 202.
 */
final class AgentClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final URI uri;
  private final Encoding encoding;
  private final String authToken;
  private final HttpClient http;

  AgentClient(URI uri, Encoding encoding, String authToken) {
    this.uri = uri;
    this.encoding = encoding;
    this.authToken = authToken;
    // HTTP/1.1 only: no h2c upgrade headers for libprocess to puzzle over.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** An open SUBSCRIBE response: events one at a time; {@link #close} ends it from any thread. */
  final class EventStream implements AutoCloseable {
    private final InputStream body;
    private final RecordIoReader reader;

    EventStream(InputStream body) {
      this.body = body;
      this.reader = new RecordIoReader(body);
    }

    /** The next event, or null when the agent closed the stream. */
    Event next() throws IOException {
      byte[] record = reader.next();
      return record == null ? null : encoding.decode(record);
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException e) {
        // closing a broken stream: nothing left to do
      }
    }
  }

  /** Sends SUBSCRIBE and waits for the 200 that opens the event stream. */
  EventStream subscribe(Call call) throws IOException, InterruptedException {
    // The timeout bounds the wait for the response headers only, not the stream that follows.
    HttpRequest request = request(call).header("Accept", encoding.mediaType()).timeout(CALL_TIMEOUT).build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
      }
      throw new MesosCallException("SUBSCRIBE answered " + response.statusCode() + ": " + body.trim());
    }
    return new EventStream(response.body());
  }

  /** Sends a non-SUBSCRIBE call and waits for its answer (202 when accepted). */
  HttpResponse<String> send(Call call) throws IOException, InterruptedException {
    return http.send(request(call).timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(Call call) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .header("Content-Type", encoding.mediaType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(encoding.encode(call)));
    if (authToken != null) {
      b.header("Authorization", "Bearer " + authToken);
    }
    return b;
  }
}
