package io.berth.executor.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts check results to a Sensu agent's events API ({@code POST /events}). Best effort: a helper
 * that is down or slow never affects the task, it only costs a log line.
 */
public final class SensuPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(SensuPublisher.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final URI events;

  /** @param agentAddress where the agent's API is reachable from the executor, e.g. the pod's IP */
  public SensuPublisher(String agentAddress, int port) {
    this.events = URI.create("http://" + agentAddress + ":" + port + "/events");
  }

  public URI events() {
    return events;
  }

  /** @return whether the agent accepted the event (2xx) */
  public boolean publish(String eventJson) {
    HttpRequest request = HttpRequest.newBuilder(events).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(eventJson)).build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        LOG.warn("Sensu agent at {} answered {} to a check result", events, status);
      }
      return status / 100 == 2;
    } catch (IOException e) {
      LOG.warn("Sensu agent at {} unreachable: {}", events, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
