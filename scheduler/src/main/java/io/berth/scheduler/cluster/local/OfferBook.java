package io.berth.scheduler.cluster.local;

import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one valid offer of the local agent. Issuing an offer voids the one before. Launches take from
 * the valid offer (several launches of one engine round may share it) until a newer offer replaces
 * it; a launch against any other id is refused with a reason. Not thread-safe: the driver holds its
 * lock.
 */
final class OfferBook {

  private final String agentId;
  private final String hostname;
  private final String idPrefix;
  private long counter;
  private Offer current;
  private boolean used;
  private Resources left;
  private BitSet portsLeft;

  OfferBook(String agentId, String hostname, String idPrefix) {
    this.agentId = agentId;
    this.hostname = hostname;
    this.idPrefix = idPrefix;
  }

  /** The valid offer when the engine holds it unused (it may still launch on it or decline it). */
  Optional<Offer> outstanding() {
    return current != null && !used ? Optional.of(current) : Optional.empty();
  }

  /** Whether the engine holds an unused offer of exactly these resources. */
  boolean outstandingEquals(Resources free, List<PortRange> ports) {
    return outstanding().map(o -> o.resources().get(0).scalars().equals(free)
        && o.resources().get(0).ports().equals(ports)).orElse(false);
  }

  /** A new offer of these resources, with a fresh id; every earlier offer is void from now on. */
  Offer issue(Resources free, List<PortRange> ports) {
    current = Offer.unreserved(idPrefix + "-O" + (++counter), agentId, hostname, Map.of("hostname", hostname), free,
        ports);
    used = false;
    left = free;
    portsLeft = PortRanges.bits(ports);
    return current;
  }

  /** Voids the offer when it is the valid one (a decline) and returns it; empty for any other id. */
  Optional<Offer> decline(OfferId id) {
    if (current != null && current.id().equals(id)) {
      Offer declined = current;
      current = null;
      return Optional.of(declined);
    }
    return Optional.empty();
  }

  void voidAll() {
    current = null;
  }

  /**
   * Takes a task's resources from the offer {@code id}.
   *
   * @return empty when taken; otherwise why not (for the task's DROPPED status)
   */
  Optional<String> take(OfferId id, TaskUsage usage) {
    if (current == null || !current.id().equals(id)) {
      return Optional.of("offer " + id + " is no longer valid (declined, rescinded, replaced by a newer offer,"
          + " or never made); the local cluster offers again shortly");
    }
    Resources need = usage.resources();
    Set<Integer> missingPorts = new TreeSet<>();
    usage.ports().stream().filter(p -> !portsLeft.get(p)).forEach(missingPorts::add);
    if (!fits(need.cpus(), left.cpus()) || !fits(need.memMb(), left.memMb()) || !fits(need.diskMb(), left.diskMb())
        || !missingPorts.isEmpty()) {
      return Optional.of("the task needs " + usage + " but offer " + id + " has " + left.cpus() + " cpus, "
          + left.memMb() + " MB mem, " + left.diskMb() + " MB disk left"
          + (missingPorts.isEmpty() ? "" : ", and not the ports " + missingPorts));
    }
    left = new Resources(TaskBook.minus(left.cpus(), need.cpus()), TaskBook.minus(left.memMb(), need.memMb()),
        TaskBook.minus(left.diskMb(), need.diskMb()), 0);
    usage.ports().forEach(portsLeft::clear);
    used = true;
    return Optional.empty();
  }

  private static boolean fits(double need, double have) {
    return Resources.thousandths(need) <= Resources.thousandths(have);
  }
}
