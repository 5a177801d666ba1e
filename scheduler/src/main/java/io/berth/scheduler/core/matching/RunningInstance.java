package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** An instance already placed (staging or running): it counts for its app's constraints. */
public record RunningInstance(String appId, AgentId agentId, String hostname, Map<String, String> attributes) {
    public RunningInstance {
        requireNonNull(appId, "appId");
        requireNonNull(agentId, "agentId");
        requireNonNull(hostname, "hostname");
        attributes = Map.copyOf(attributes);
    }
}
