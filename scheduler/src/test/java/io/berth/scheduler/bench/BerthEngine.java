package io.berth.scheduler.bench;

import io.berth.scheduler.core.matching.Constraint;
import io.berth.scheduler.core.matching.Launch;
import io.berth.scheduler.core.matching.MatchResult;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferMatcher;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleResources;
import io.berth.scheduler.core.matching.WaitingInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Berth's {@link OfferMatcher} with its default policy (bin-packing), one offer per agent. */
final class BerthEngine implements Engine {
    private static final List<Constraint> UNIQUE_HOST = List.of(Constraint.of("hostname", Constraint.Operator.UNIQUE));

    @Override
    public String name() {
        return "berth";
    }

    @Override
    public EngineRun run(Workload workload) {
        List<Offer> offers = new ArrayList<>(workload.agents().size());
        List<PortRange> ports = List.of(PortRange.of(Workload.PORTS_BEGIN, Workload.PORTS_END));
        Resources agentSize = new Resources(Workload.AGENT_CPUS, Workload.AGENT_MEM, Workload.AGENT_DISK, 0);
        for (Workload.Agent agent : workload.agents()) {
            offers.add(Offer.unreserved("offer-" + agent.index(), "agent-id-" + agent.index(), agent.hostname(),
                    Map.of("rack", agent.rack()), agentSize, ports));
        }
        List<WaitingInstance> waiting = new ArrayList<>(workload.tasks().size());
        Set<String> roles = Set.of(RoleResources.DEFAULT_ROLE);
        WaitingInstance previous = null;
        for (Workload.Task task : workload.tasks()) {
            // One app's instances share their value objects, as instances made from one app version do.
            WaitingInstance instance = previous != null && previous.appId().equals(task.app())
                    ? new WaitingInstance(task.id(), task.app(), previous.resources(), previous.hostPorts(),
                            previous.acceptedRoles(), previous.constraints())
                    : new WaitingInstance(task.id(), task.app(), new Resources(task.cpus(), task.mem(), task.disk(), 0),
                            List.copyOf(Collections.nCopies(task.ports(), 0)), roles,
                            task.uniqueHost() ? UNIQUE_HOST : List.of());
            waiting.add(instance);
            previous = instance;
        }
        OfferMatcher matcher = new OfferMatcher();
        long start = System.nanoTime();
        MatchResult result = matcher.match(offers, waiting, List.of());
        long nanos = System.nanoTime() - start;
        List<Placement> placements = new ArrayList<>(result.launches().size());
        for (Launch launch : result.launches()) {
            placements.add(new Placement(launch.instanceId(), launch.hostname(), launch.hostPorts()));
        }
        return new EngineRun(placements, nanos);
    }
}
