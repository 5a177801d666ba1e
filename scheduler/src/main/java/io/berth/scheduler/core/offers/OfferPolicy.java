package io.berth.scheduler.core.offers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Offer handling settings: {@code refuse} is the filter sent with every decline (Mesos does not
 * re-offer the agent's resources to us for that long, unless we revive); {@code maxHold} is the
 * longest we keep an offer without using it.
 */
public record OfferPolicy(Duration refuse, Duration maxHold) {
    public static final OfferPolicy DEFAULT = new OfferPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public OfferPolicy {
        requireNonNull(refuse, "refuse");
        requireNonNull(maxHold, "maxHold");
        if (refuse.isNegative()) {
            throw new IllegalArgumentException("refuse must not be negative, was " + refuse);
        }
        if (maxHold.isNegative()) {
            throw new IllegalArgumentException("maxHold must not be negative, was " + maxHold);
        }
    }
}
