package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one SUBSCRIBE to a master and follows its 307s (protocol-relative {@code Location}) to the
 * leader, at most {@link #MAX_REDIRECTS} hops. A 200 gives the open event stream, its
 * {@code Mesos-Stream-Id} and encoding; anything else gives the reason it was refused.
 */
final class Subscriber {
  static final int MAX_REDIRECTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
  private static final int MAX_BODY_SHOWN = 4096;

  /** An open stream (refusal null) or why there is none (body null). */
  record Response(URI endpoint, String streamId, Encoding encoding, InputStream body, String refusal) {
    static Response refused(String why) {
      return new Response(null, null, null, null, why);
    }
  }

  private final HttpClient http;
  private final MesosRequests requests;
  private final MesosClient.Listener listener;

  Subscriber(HttpClient http, MesosRequests requests, MesosClient.Listener listener) {
    this.http = requireNonNull(http, "http");
    this.requests = requireNonNull(requests, "requests");
    this.listener = requireNonNull(listener, "listener");
  }

  Response subscribe(URI master) throws InterruptedException {
    URI endpoint = MasterUrls.endpoint(master);
    for (int hop = 0; ; hop++) {
      LOG.info("Subscribing to Mesos master {}", endpoint);
      HttpResponse<InputStream> response;
      try {
        response = http.send(requests.subscribe(endpoint, listener.subscribeCall()), BodyHandlers.ofInputStream());
      } catch (IOException e) {
        return Response.refused("cannot reach " + endpoint + ": " + e);
      }
      int status = response.statusCode();
      if (status == 200) {
        return accepted(endpoint, response);
      }
      String body = drain(response.body());
      if (status == 307 && hop < MAX_REDIRECTS) {
        try {
          URI next = MasterUrls.resolveLocation(endpoint, response.headers().firstValue("Location").orElse(null));
          LOG.info("Mesos master {} is not the leader; redirected to {}", endpoint, next);
          endpoint = next;
          continue;
        } catch (MesosCallException e) {
          return Response.refused(e.getMessage());
        }
      }
      String why = "SUBSCRIBE to " + endpoint + " refused with HTTP " + status
          + (body.isBlank() ? "" : ": " + body.strip())
          + (status == 307 ? " (more than " + MAX_REDIRECTS + " redirects)" : "");
      if (status == 503) {
        LOG.warn("{}", why);
      } else {
        LOG.error("{}", why);
      }
      return Response.refused(why);
    }
  }

  private static Response accepted(URI endpoint, HttpResponse<InputStream> response) {
    String streamId = response.headers().firstValue(MesosRequests.STREAM_ID).orElse("");
    if (streamId.isBlank()) {
      drain(response.body());
      return Response.refused("SUBSCRIBE to " + endpoint + " answered 200 without a Mesos-Stream-Id");
    }
    Encoding encoding;
    try {
      encoding = Encoding.fromContentType(response.headers().firstValue("Content-Type").orElse(null));
    } catch (MesosWireException e) {
      drain(response.body());
      return Response.refused("SUBSCRIBE to " + endpoint + ": " + e.getMessage());
    }
    LOG.info("Mesos master {} accepted SUBSCRIBE (stream {}, {})", endpoint, streamId, encoding);
    return new Response(endpoint, streamId, encoding, response.body(), null);
  }

  /** The start of a refusal's body, for the log; the connection is released. */
  private static String drain(InputStream body) {
    try (body) {
      return new String(body.readNBytes(MAX_BODY_SHOWN), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
