package io.berth.scheduler.core.offers;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What the driver knows at {@code now}: the offers it holds, whether any instance waits for an
 * offer, and whether offers are currently suppressed.
 */
public record OfferSituation(Instant now, List<HeldOffer> held, boolean instancesWaiting, boolean suppressed) {
    public OfferSituation {
        requireNonNull(now, "now");
        held = List.copyOf(held);
    }
}
