package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One resource offer from one agent. {@code attributes} are the agent's attributes rendered as
 * text (scalars as numbers, e.g. {@code "1.5"}); the driver adds the fault domain as the
 * attributes {@code @region} and {@code @zone}. {@code resources} holds one entry per role.
 */
public record Offer(OfferId id, AgentId agentId, String hostname, Map<String, String> attributes,
                    List<RoleResources> resources) {
    public Offer {
        requireNonNull(id, "id");
        requireNonNull(agentId, "agentId");
        requireNonNull(hostname, "hostname");
        attributes = Map.copyOf(attributes);
        resources = List.copyOf(resources);
    }

    /** An offer with all its resources in the default role {@code *}. */
    public static Offer unreserved(String id, String agentId, String hostname, Map<String, String> attributes,
                                   Resources scalars, List<PortRange> ports) {
        return new Offer(new OfferId(id), new AgentId(agentId), hostname, attributes,
                List.of(RoleResources.unreserved(scalars, ports)));
    }
}
