package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends non-SUBSCRIBE calls asynchronously on its own HTTP client, so they never share the
 * subscription stream's connection. 200 and 202 complete the future; any other status fails it
 * with {@link MesosCallRejectedException}; 307 and 403 "not subscribed" are also reported to
 * {@code onSubscriptionLost}, which drops the stream so the client resubscribes.
 */
final class CallSender {
  private static final Logger LOG = LoggerFactory.getLogger(CallSender.class);

  private final MesosClientSettings settings;
  private final MesosRequests requests;
  private final HttpClient http;
  private final BiConsumer<StreamSession, MesosCallRejectedException> onSubscriptionLost;
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  CallSender(MesosClientSettings settings, MesosRequests requests, Executor executor,
      BiConsumer<StreamSession, MesosCallRejectedException> onSubscriptionLost) {
    this.settings = requireNonNull(settings, "settings");
    this.requests = requireNonNull(requests, "requests");
    this.http = MesosHttp.client(settings, executor);
    this.onSubscriptionLost = requireNonNull(onSubscriptionLost, "onSubscriptionLost");
  }

  CompletableFuture<Void> send(StreamSession subscription, Call call) {
    requireNonNull(call, "call");
    if (closed) {
      return CompletableFuture.failedFuture(new MesosCallException("Mesos client is closed"));
    }
    if (subscription == null) {
      return CompletableFuture.failedFuture(
          new MesosCallException(call.getType() + " not sent: not subscribed to a Mesos master"));
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    pending.add(result);
    result.whenComplete((ok, error) -> pending.remove(result));
    LOG.debug("Sending {} to {}", call.getType(), subscription.endpoint());
    try {
      http.sendAsync(requests.call(subscription.endpoint(), subscription.streamId(), call),
              BodyHandlers.ofString())
          .orTimeout(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS)
          .whenComplete((response, error) -> complete(result, subscription, call, response, error));
    } catch (RuntimeException e) {
      result.completeExceptionally(wrap(call, subscription, e));
    }
    return result;
  }

  /** Fails every call still waiting; later sends fail at once. */
  void close() {
    closed = true;
    for (CompletableFuture<Void> future : pending) {
      future.completeExceptionally(new MesosCallException("Mesos client closed before the call completed"));
    }
  }

  private void complete(CompletableFuture<Void> result, StreamSession subscription, Call call,
      HttpResponse<String> response, Throwable error) {
    if (error != null) {
      result.completeExceptionally(wrap(call, subscription, error));
      return;
    }
    int status = response.statusCode();
    if (status == 200 || status == 202) {
      result.complete(null);
      return;
    }
    MesosCallRejectedException rejected = new MesosCallRejectedException(
        call.getType() + " to " + subscription.endpoint(), status, response.body());
    LOG.warn("{}", rejected.getMessage());
    if (status == 307 || (status == 403 && rejected.body().contains("not subscribed"))) {
      onSubscriptionLost.accept(subscription, rejected);
    }
    result.completeExceptionally(rejected);
  }

  private MesosCallException wrap(Call call, StreamSession subscription, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof MesosCallException mesos) {
      return mesos;
    }
    String what = call.getType() + " to " + subscription.endpoint();
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return new MesosCallException(what + " timed out after " + settings.callTimeout(), cause);
    }
    if (cause instanceof ConnectException) {
      return new MesosCallException(what + " could not connect: " + cause, cause);
    }
    return new MesosCallException(what + " failed: " + cause, cause);
  }
}
