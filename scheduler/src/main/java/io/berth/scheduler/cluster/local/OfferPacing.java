package io.berth.scheduler.cluster.local;

import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the local agent may offer: once connected, unless suppressed, refused (a decline's filter:
 * nothing the declined offer did not already hold) or still waiting for the engine to adopt the
 * pods found at start. Also keeps the one scheduled
 * offer. Not thread-safe: the driver holds its lock.
 */
final class OfferPacing {

  private boolean connected;
  private boolean suppressed;
  /** System.nanoTime() when the last refusal ends; null when none. */
  private Long refusedUntilNanos;
  /** What the refused offer held: only more than this is offered before the refusal ends. */
  private Resources refusedScalars;
  private BitSet refusedPorts;
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

  /**
   * The engine declined {@code declined} with a filter: for {@code refuse}, offers of the same
   * resources or fewer are not sent (Mesos' filter rule); an offer is scheduled for its end.
   */
  void refuseFor(LocalRun run, Offer declined, Duration refuse, Runnable offer) {
    refusedUntilNanos = System.nanoTime() + refuse.toNanos();
    refusedScalars = declined.resources().get(0).scalars();
    refusedPorts = PortRanges.bits(declined.resources().get(0).ports());
    run.schedule(offer, refuse.plusMillis(1));
  }

  boolean mayOffer(boolean awaitingAdoption, Resources free, List<PortRange> ports) {
    return connected && !suppressed && !refused(free, ports) && (adoptionWaitOver || !awaitingAdoption);
  }

  private boolean refused(Resources free, List<PortRange> ports) {
    if (refusedUntilNanos == null || System.nanoTime() - refusedUntilNanos >= 0) {
      return false;
    }
    BitSet more = PortRanges.bits(ports);
    more.andNot(refusedPorts);
    return more.isEmpty() && atMost(free.cpus(), refusedScalars.cpus()) && atMost(free.memMb(), refusedScalars.memMb())
        && atMost(free.diskMb(), refusedScalars.diskMb());
  }

  private static boolean atMost(double value, double limit) {
    return Resources.thousandths(value) <= Resources.thousandths(limit);
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
