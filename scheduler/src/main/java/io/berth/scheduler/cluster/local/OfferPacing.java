package io.berth.scheduler.cluster.local;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the local agent may offer: once connected, unless suppressed, refused (a decline's filter)
 * or still waiting for the engine to adopt the pods found at start. Also keeps the one scheduled
 * offer. Not thread-safe: the driver holds its lock.
 */
final class OfferPacing {

  private boolean connected;
  private boolean suppressed;
  /** System.nanoTime() when the last refusal ends; null when none. */
  private Long refusedUntilNanos;
  private boolean adoptionWaitOver;
  private ScheduledFuture<?> next;
  private boolean nextFresh;

  void reset() {
    connected = false;
    suppressed = false;
    refusedUntilNanos = null;
    adoptionWaitOver = false;
    if (next != null) {
      next.cancel(false);
    }
    next = null;
    nextFresh = false;
  }

  void connected() {
    connected = true;
  }

  boolean isConnected() {
    return connected;
  }

  void suppress() {
    suppressed = true;
  }

  /** Offers again: clears suppression and refusal. */
  void revive() {
    suppressed = false;
    refusedUntilNanos = null;
  }

  void adoptionWaitOver() {
    adoptionWaitOver = true;
  }

  /** No offers for {@code refuse}; an offer is scheduled for its end (unless a revive comes first). */
  void refuseFor(LocalRun run, Duration refuse, Runnable offer) {
    refusedUntilNanos = System.nanoTime() + refuse.toNanos();
    run.schedule(offer, refuse.plusMillis(1));
  }

  boolean mayOffer(boolean awaitingAdoption) {
    return connected && !suppressed && (refusedUntilNanos == null || System.nanoTime() - refusedUntilNanos >= 0)
        && (adoptionWaitOver || !awaitingAdoption);
  }

  /**
   * Schedules {@code offer} after {@code delay}, unless one is already due sooner.
   *
   * @param fresh the offer is to be sent even when the engine holds an equal one (a revive)
   */
  void schedule(LocalRun run, Duration delay, boolean fresh, Runnable offer) {
    nextFresh |= fresh;
    if (next != null && !next.isDone()) {
      if (next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
        return;
      }
      next.cancel(false);
    }
    next = run.schedule(offer, delay);
  }

  /** The scheduled offer runs now; whether it must be fresh. */
  boolean fired() {
    next = null;
    boolean fresh = nextFresh;
    nextFresh = false;
    return fresh;
  }
}
