package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a launch takes from one role of its offer (Mesos task resources carry their role). */
public record RoleShare(String role, Resources scalars, List<Integer> ports) {
    public RoleShare {
        requireNonNull(role, "role");
        requireNonNull(scalars, "scalars");
        ports = List.copyOf(ports);
    }
}
