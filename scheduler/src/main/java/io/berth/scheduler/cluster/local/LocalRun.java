package io.berth.scheduler.cluster.local;

import io.berth.executor.pod.PodRunner;
import io.berth.scheduler.cluster.ClusterEvents;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the driver, from start to stop: where it reports, its threads, its offers and its pod
 * runner. Events go out on one thread, in the order they were dispatched, so a task's statuses
 * arrive in order and never from inside an engine call. Blocking Docker work runs on the workers.
 */
final class LocalRun {

  private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

  private final ClusterEvents events;
  private final ScheduledExecutorService loop;
  private final ExecutorService workers;
  private final PerTaskWork work;
  private final OfferBook offers;
  private PodRunner runner;
  private PodJobs jobs;
  private boolean connectFailed;

  LocalRun(ClusterEvents events, int workerCount, OfferBook offers) {
    this.events = events;
    this.loop = Executors.newSingleThreadScheduledExecutor(daemon("berth-local-cluster"));
    this.workers = Executors.newFixedThreadPool(workerCount, daemon("berth-local-worker"));
    this.work = new PerTaskWork(workers);
    this.offers = offers;
  }

  void attach(PodRunner podRunner, PodJobs podJobs) {
    this.runner = podRunner;
    this.jobs = podJobs;
  }

  PodRunner runner() {
    return runner;
  }

  PodJobs jobs() {
    return jobs;
  }

  OfferBook offers() {
    return offers;
  }

  PerTaskWork work() {
    return work;
  }

  ExecutorService workers() {
    return workers;
  }

  /** True the first time only: report a failed connection once, not at every retry. */
  boolean connectFailed() {
    boolean before = connectFailed;
    connectFailed = true;
    return before;
  }

  /** Sends an event from the event thread, after every event dispatched before it. */
  void dispatch(Consumer<ClusterEvents> event) {
    try {
      loop.execute(() -> {
        try {
          event.accept(events);
        } catch (RuntimeException e) {
          LOG.error("The engine failed to take an event of the local cluster", e);
        }
      });
    } catch (RejectedExecutionException stopped) {
      LOG.debug("Local cluster stopped; event dropped");
    }
  }

  ScheduledFuture<?> schedule(Runnable action, Duration delay) {
    try {
      return loop.schedule(action, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      return null;
    }
  }

  /** Stops watching pods and drops pending events; running pods and launches under way go on. */
  void close() {
    if (runner != null) {
      runner.close();
    }
    workers.shutdown();
    loop.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
