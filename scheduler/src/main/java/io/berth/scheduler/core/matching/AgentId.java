package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

/** The id of the agent (machine) an offer comes from. */
public record AgentId(String value) {
    public AgentId {
        requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
