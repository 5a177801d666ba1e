package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An instance left waiting after a round, with the reasons: of {@code offersConsidered} offers,
 * how many failed and why, measured when its turn came (after the launches before it).
 * No vetoes with offers considered means no offer was left at all.
 */
public record Unplaced(String instanceId, String appId, int offersConsidered, List<Veto> vetoes)
        implements Decision {
    public Unplaced {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(appId, "appId");
        vetoes = List.copyOf(vetoes);
    }
}
