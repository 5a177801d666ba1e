package io.berth.scheduler.engine;

import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Offers for engine tests: {@code anOffer().withCpus(1).withPorts(31000, 31003).build()}. By
 * default a big offer (8 cpus, 8 GB, ports 31000–31099) from {@code agent-1} on {@code host-1},
 * each with a fresh id.
 */
final class OfferBuilder {

  static final String AGENT = "agent-1";
  static final String HOST = "host-1";
  private static final AtomicInteger IDS = new AtomicInteger();

  private final String id = "offer-" + IDS.incrementAndGet();
  private String agent = AGENT;
  private String host = HOST;
  private Resources resources = new Resources(8, 8192, 100_000, 0);
  private PortRange ports = PortRange.of(31000, 31099);

  private OfferBuilder() {}

  static OfferBuilder anOffer() {
    return new OfferBuilder();
  }

  OfferBuilder withCpus(double cpus) {
    resources = resources.withCpus(cpus);
    return this;
  }

  /** From another agent (and its host). */
  OfferBuilder from(String agentId, String hostname) {
    agent = agentId;
    host = hostname;
    return this;
  }

  OfferBuilder withPorts(int begin, int end) {
    ports = PortRange.of(begin, end);
    return this;
  }

  Offer build() {
    return Offer.unreserved(id, agent, host, Map.of(), resources, java.util.List.of(ports));
  }
}
