package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The part of an offer that belongs to one Mesos role: scalars and port ranges. {@code *} is the
 * default (unreserved) role; other roles are reservations.
 */
public record RoleResources(String role, Resources scalars, List<PortRange> ports) {
    public static final String DEFAULT_ROLE = "*";

    public RoleResources {
        requireNonNull(role, "role");
        requireNonNull(scalars, "scalars");
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        ports = List.copyOf(ports);
    }

    public static RoleResources unreserved(Resources scalars, List<PortRange> ports) {
        return new RoleResources(DEFAULT_ROLE, scalars, ports);
    }

    public boolean isReserved() {
        return !DEFAULT_ROLE.equals(role);
    }
}
