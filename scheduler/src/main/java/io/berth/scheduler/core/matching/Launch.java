package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One decision: launch {@code instanceId} on {@code offerId}, taking exactly {@code resources} and
 * {@code hostPorts} (same order and length as the instance's {@code hostPorts}, zeros filled in).
 * {@code shares} says which role each part comes from.
 */
public record Launch(String instanceId, String appId, OfferId offerId, AgentId agentId, String hostname,
                     Resources resources, List<Integer> hostPorts, List<RoleShare> shares) implements Decision {
    public Launch {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(appId, "appId");
        requireNonNull(offerId, "offerId");
        requireNonNull(agentId, "agentId");
        requireNonNull(hostname, "hostname");
        requireNonNull(resources, "resources");
        hostPorts = List.copyOf(hostPorts);
        shares = List.copyOf(shares);
    }
}
