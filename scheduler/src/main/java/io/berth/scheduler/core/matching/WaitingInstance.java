package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An instance that waits for an offer. {@code hostPorts} has one entry per port the instance needs:
 * {@code 0} for "any free port" (Marathon's dynamic ports) and a port number for a fixed host port
 * ({@code requirePorts}, or a Docker {@code hostPort}). The launch fills the zeros in, in order.
 * {@code acceptedRoles} are the roles whose resources the instance may use ({@code *} = unreserved).
 */
public record WaitingInstance(String instanceId, String appId, Resources resources, List<Integer> hostPorts,
                              Set<String> acceptedRoles, List<Constraint> constraints) {
    public WaitingInstance {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(appId, "appId");
        requireNonNull(resources, "resources");
        hostPorts = List.copyOf(hostPorts);
        acceptedRoles = Set.copyOf(acceptedRoles);
        constraints = List.copyOf(constraints);
        if (acceptedRoles.isEmpty()) {
            throw new IllegalArgumentException("instance " + instanceId + ": acceptedRoles must not be empty");
        }
        Set<Integer> fixed = new HashSet<>();
        for (int port : hostPorts) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("instance " + instanceId + ": host port " + port + " out of range");
            }
            if (port != 0 && !fixed.add(port)) {
                throw new IllegalArgumentException("instance " + instanceId + ": host port " + port + " asked twice");
            }
        }
    }

    /** An instance with no ports, no constraints, using unreserved resources. */
    public static WaitingInstance of(String instanceId, String appId, Resources resources) {
        return new WaitingInstance(instanceId, appId, resources, List.of(), Set.of(RoleResources.DEFAULT_ROLE),
                List.of());
    }

    public WaitingInstance withHostPorts(List<Integer> ports) {
        return new WaitingInstance(instanceId, appId, resources, ports, acceptedRoles, constraints);
    }

    public WaitingInstance withAcceptedRoles(Set<String> roles) {
        return new WaitingInstance(instanceId, appId, resources, hostPorts, roles, constraints);
    }

    public WaitingInstance withConstraints(List<Constraint> list) {
        return new WaitingInstance(instanceId, appId, resources, hostPorts, acceptedRoles, list);
    }

    /** Everything but the id: instances with equal shapes are placed as one group. */
    Shape shape() {
        return new Shape(appId, resources, hostPorts, acceptedRoles, constraints);
    }

    record Shape(String appId, Resources resources, List<Integer> hostPorts, Set<String> acceptedRoles,
                 List<Constraint> constraints) {
    }
}
