package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler side of the Mesos v1 scheduler HTTP API, transport only. One background thread
 * ({@code berth-mesos-stream}) keeps a subscription: asks the {@link MasterDetector} for a master,
 * POSTs SUBSCRIBE, follows 307s to the leader, reads the RecordIO event stream as it arrives and
 * hands each event to the {@link Listener}, watches for missed heartbeats, and resubscribes with
 * back-off whenever the subscription ends. {@link #send} posts every other call asynchronously on
 * a separate HTTP client, with the current {@code Mesos-Stream-Id}.
 */
public final class MesosClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MesosClient.class);

  /** What the owner of the client (the Mesos driver) is told. */
  public interface Listener {
    /** Called before every SUBSCRIBE (first and re-): the call to send, carrying the current framework id (null id the very first time). */
    Call subscribeCall();

    /** Every event of the current subscription, in order, on the client's reader thread; SUBSCRIBED first. Must return quickly. */
    void onEvent(Event event);

    /**
     * The subscription ended, or an attempt to subscribe failed: the stream closed or broke, no
     * event for missedHeartbeats x heartbeat interval, an ERROR event, a refused SUBSCRIBE or no
     * reachable master. The client resubscribes with back-off after this returns (unless closed).
     */
    void onDisconnected(String why);
  }

  private final MesosClientSettings settings;
  private final MasterDetector masters;
  private final Listener listener;
  private final Subscriber subscriber;
  private final CallSender calls;
  private final ScheduledThreadPoolExecutor timer;
  private final Thread thread;
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final Backoff backoff;
  private volatile StreamSession current;
  private volatile SubscriptionStream stream;
  private volatile URI leader;
  private volatile boolean started;
  private volatile boolean closed;

  public MesosClient(MesosClientSettings settings, MasterDetector masters, Listener listener) {
    this.settings = requireNonNull(settings, "settings");
    this.masters = requireNonNull(masters, "masters");
    this.listener = requireNonNull(listener, "listener");
    MesosRequests requests = new MesosRequests(settings);
    HttpClient streamHttp = MesosHttp.client(settings, MesosHttp.pool("berth-mesos-stream-io"));
    this.subscriber = new Subscriber(streamHttp, requests, listener);
    this.calls = new CallSender(settings, requests, MesosHttp.pool("berth-mesos-calls"), this::subscriptionLost);
    this.timer = new ScheduledThreadPoolExecutor(1, MesosHttp.daemonThreads("berth-mesos-stream-watch"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax(),
        () -> ThreadLocalRandom.current().nextDouble());
    this.thread = new Thread(this::run, "berth-mesos-stream");
    this.thread.setDaemon(true);
  }

  /** Subscribes in the background; returns at once. */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("Mesos client is closed");
    }
    if (started) {
      throw new IllegalStateException("Mesos client already started");
    }
    started = true;
    LOG.info("Subscribing to Mesos through {} ({})", masters, settings);
    thread.start();
  }

  /**
   * A non-SUBSCRIBE call on its own connection with the current Mesos-Stream-Id. Completes normally
   * on 202 (or 200); exceptionally with {@link MesosCallRejectedException} (status and body) on any
   * other status, with {@link MesosCallException} on a timeout or I/O failure, and at once when not
   * subscribed. Never blocks the caller; completes on a {@code berth-mesos-calls} thread.
   */
  public CompletableFuture<Void> send(Call call) {
    return calls.send(current, call);
  }

  public boolean isSubscribed() {
    return current != null;
  }

  /** The master URL the current or last subscription went to. */
  public Optional<URI> leader() {
    return Optional.ofNullable(leader);
  }

  /** Closes the stream; no more reconnects; pending sends fail. Does not close the detector. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closedLatch.countDown();
    current = null;
    SubscriptionStream open = stream;
    if (open != null) {
      open.abort("the client was closed");
    }
    calls.close();
    if (started && Thread.currentThread() != thread) {
      thread.interrupt();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    timer.shutdownNow();
    LOG.info("Mesos client closed");
  }

  private void run() {
    URI failed = null;
    while (!closed) {
      Attempt attempt;
      try {
        attempt = attempt(failed);
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        LOG.error("Subscribing to Mesos failed unexpectedly", e);
        attempt = new Attempt("unexpected failure: " + e, null);
      }
      if (closed) {
        break;
      }
      failed = attempt.failedMaster();
      LOG.info("Not subscribed to Mesos: {}", attempt.reason());
      try {
        listener.onDisconnected(attempt.reason());
      } catch (RuntimeException e) {
        LOG.error("Mesos listener failed on disconnection", e);
      }
      if (pause(backoff.next())) {
        break;
      }
    }
    LOG.debug("Mesos subscription loop ended");
  }

  /** One SUBSCRIBE, following redirects, and the reading of its stream until it ends. */
  private Attempt attempt(URI failed) throws InterruptedException {
    Optional<URI> master = masters.next(failed, settings.backoffMax());
    if (master.isEmpty()) {
      return new Attempt("no Mesos master known to " + masters, null);
    }
    Subscriber.Response response = subscriber.subscribe(master.get());
    if (response.refusal() != null) {
      return new Attempt(response.refusal(), master.get());
    }
    return read(response, master.get());
  }

  private Attempt read(Subscriber.Response response, URI master) {
    SubscriptionStream opened = new SubscriptionStream(
        response.body(), response.encoding(), settings.missedHeartbeats(), timer);
    StreamSession subscription = new StreamSession(response.endpoint(), response.streamId());
    leader = MasterUrls.masterOf(response.endpoint());
    stream = opened;
    if (closed) {
      opened.abort("the client was closed");
    }
    SubscriptionStream.Ended ended;
    try {
      ended = opened.read(event -> deliver(subscription, event));
    } finally {
      stream = null;
      current = null;
    }
    String reason = ended.reason() + " (" + leader + ", stream " + subscription.streamId() + ")";
    return new Attempt(reason, ended.subscribed() ? null : master);
  }

  private void deliver(StreamSession subscription, Event event) {
    if (closed) {
      return;
    }
    if (event.getType() == Event.Type.SUBSCRIBED) {
      current = subscription;
      backoff.reset();
      LOG.info("Subscribed to Mesos master {} as framework {} (stream {}, heartbeat {})", leader,
          event.getSubscribed().getFrameworkId().getValue(), subscription.streamId(),
          SubscriptionStream.heartbeat(event));
    } else {
      LOG.debug("Mesos event {}", event.getType());
    }
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.error("Mesos listener failed on a {} event", event.getType(), e);
    }
  }

  /** A call was refused in a way that says the subscription is gone: drop it and resubscribe. */
  private void subscriptionLost(StreamSession subscription, MesosCallRejectedException rejected) {
    SubscriptionStream open = stream;
    if (open != null && subscription.equals(current)) {
      open.abort("a call was refused, the subscription is no longer valid: " + rejected.getMessage());
    }
  }

  /** Waits out a back-off; true when the client was closed meanwhile. */
  private boolean pause(Duration delay) {
    try {
      return closedLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  private record Attempt(String reason, URI failedMaster) {}
}
