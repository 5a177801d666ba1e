package io.berth.scheduler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Completes once the HTTP server accepts connections. Managed objects start before Jetty opens its
 * connectors; whatever makes other machines call back (the Mesos driver, whose agents fetch the
 * executor jar from this server) waits for it.
 */
public final class HttpServing {

  private final CompletableFuture<Void> started = new CompletableFuture<>();

  public CompletionStage<Void> started() {
    return started;
  }

  void markStarted() {
    started.complete(null);
  }
}
