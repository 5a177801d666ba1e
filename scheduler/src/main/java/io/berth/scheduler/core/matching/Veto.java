package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

/**
 * Why offers did not fit a waiting instance: {@code offers} offers failed for {@code reason}
 * ({@code detail} names the constraint, resource or port). One offer may fail for several reasons.
 */
public record Veto(Reason reason, String detail, int offers) {

    /** The names follow Marathon's {@code processedOffersSummary} reasons. */
    public enum Reason {
        UNFULFILLED_ROLE,
        UNFULFILLED_CONSTRAINT,
        INSUFFICIENT_CPUS,
        INSUFFICIENT_MEMORY,
        INSUFFICIENT_DISK,
        INSUFFICIENT_GPUS,
        INSUFFICIENT_PORTS,
        PORT_UNAVAILABLE
    }

    public Veto {
        requireNonNull(reason, "reason");
        requireNonNull(detail, "detail");
        if (offers < 1) {
            throw new IllegalArgumentException("a veto counts at least one offer, was " + offers);
        }
    }

    @Override
    public String toString() {
        return reason + "(" + detail + ") on " + offers + (offers == 1 ? " offer" : " offers");
    }
}
