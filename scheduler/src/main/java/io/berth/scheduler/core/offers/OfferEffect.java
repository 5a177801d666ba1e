package io.berth.scheduler.core.offers;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.matching.OfferId;
import java.time.Duration;

/** What the driver must do with offers; executed in the order given. */
public sealed interface OfferEffect {

    /** Decline the offer with a refuse filter of {@code refuse}. */
    record Decline(OfferId offer, Duration refuse) implements OfferEffect {
        public Decline {
            requireNonNull(offer, "offer");
            requireNonNull(refuse, "refuse");
        }
    }

    /** Ask Mesos to stop sending offers (nothing waits). */
    record Suppress() implements OfferEffect {
    }

    /** Ask Mesos to send offers again, clearing refuse filters (work arrived). */
    record Revive() implements OfferEffect {
    }
}
