package io.berth.scheduler.core.offers;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.matching.OfferId;
import java.time.Instant;

/** An offer the driver holds, and when it arrived. */
public record HeldOffer(OfferId id, Instant receivedAt) {
    public HeldOffer {
        requireNonNull(id, "id");
        requireNonNull(receivedAt, "receivedAt");
    }
}
