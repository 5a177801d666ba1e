package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * The HTTP requests of the scheduler API: {@code Content-Type} (and, on SUBSCRIBE, {@code Accept})
 * set to the encoding's exact media type with no charset, {@code Mesos-Stream-Id} on every call but
 * SUBSCRIBE, basic auth when configured, and never {@code Accept-Encoding}.
 */
final class MesosRequests {
  static final String STREAM_ID = "Mesos-Stream-Id";

  private final MesosClientSettings settings;
  private final MesosCodec codec;

  MesosRequests(MesosClientSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.codec = new MesosCodec(settings.encoding());
  }

  /** SUBSCRIBE; the timeout covers the wait for the response headers only, not the stream. */
  HttpRequest subscribe(URI endpoint, Call call) {
    if (call.getType() != Call.Type.SUBSCRIBE) {
      throw new IllegalArgumentException("expected a SUBSCRIBE call, got " + call.getType());
    }
    return builder(endpoint, call).header("Accept", settings.encoding().contentType()).build();
  }

  /** Any other call, on the subscription whose stream id is given. */
  HttpRequest call(URI endpoint, String streamId, Call call) {
    if (call.getType() == Call.Type.SUBSCRIBE) {
      throw new IllegalArgumentException("SUBSCRIBE goes through MesosClient.start, not send");
    }
    return builder(endpoint, call).header(STREAM_ID, requireNonNull(streamId, "streamId")).build();
  }

  private HttpRequest.Builder builder(URI endpoint, Call call) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(settings.callTimeout())
        .header("Content-Type", settings.encoding().contentType())
        .POST(BodyPublishers.ofByteArray(codec.encodeCall(call)));
    settings.authorization().ifPresent(value -> builder.header("Authorization", value));
    return builder;
  }
}
