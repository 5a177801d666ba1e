package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

/** The id Mesos (or the local driver) gave an offer. */
public record OfferId(String value) {
    public OfferId {
        requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("offer id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
