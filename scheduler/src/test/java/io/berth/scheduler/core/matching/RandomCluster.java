package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** A seeded random cluster for property tests: agents (some split into two offers), apps, running instances. */
record RandomCluster(List<Offer> offers, List<WaitingInstance> waiting, List<RunningInstance> running) {
    private static final List<List<String>> CONSTRAINTS = List.of(
            List.of("hostname", "UNIQUE"), List.of("rack", "UNIQUE"), List.of("rack", "GROUP_BY"),
            List.of("rack", "GROUP_BY", "3"), List.of("rack", "CLUSTER"), List.of("rack", "CLUSTER", "r1"),
            List.of("hostname", "CLUSTER"), List.of("rack", "LIKE", "r[01]"), List.of("rack", "UNLIKE", "r2"),
            List.of("hostname", "MAX_PER", "2"), List.of("rack", "MAX_PER", "3"), List.of("rack", "IS", "r1"),
            List.of("zone", "UNIQUE"), List.of("hostname", "LIKE", "agent-1.*"));
    /** Rules a roomy cluster (at least 10 agents) can always satisfy for up to 8 instances. */
    private static final List<List<String>> EASY_CONSTRAINTS = List.of(
            List.of("hostname", "UNIQUE"), List.of("hostname", "MAX_PER", "2"), List.of("rack", "GROUP_BY"),
            List.of("hostname", "UNLIKE", "agent-3"), List.of("rack", "UNLIKE", "r9"));

    static RandomCluster generate(long seed) {
        return generate(seed, false);
    }

    /** {@code roomy}: agents large enough that usually every instance fits (so bin-packing consolidates). */
    static RandomCluster generate(long seed, boolean roomy) {
        Random random = new Random(seed);
        List<Offer> offers = new ArrayList<>();
        List<Offer> agents = new ArrayList<>();
        int agentCount = roomy ? 10 + random.nextInt(30) : 1 + random.nextInt(40);
        for (int a = 0; a < agentCount; a++) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (random.nextInt(8) > 0) {
                attributes.put("rack", "r" + random.nextInt(4));
            }
            if (random.nextBoolean()) {
                attributes.put("zone", "z" + random.nextInt(3));
            }
            String name = "agent-" + a;
            List<RoleResources> first = new ArrayList<>();
            first.add(RoleResources.unreserved(roomy ? roomyScalars(random) : scalars(random),
                    List.of(PortRange.of(31000, 31000 + random.nextInt(roomy ? 40 : 12)))));
            if (random.nextInt(4) == 0) {
                first.add(new RoleResources("web", scalars(random), List.of(PortRange.of(8000, 8000 + random.nextInt(4)))));
            }
            Offer offer = new Offer(new OfferId(name + "-o1"), new AgentId(name), name, attributes, first);
            offers.add(offer);
            agents.add(offer);
            if (random.nextInt(5) == 0) {
                offers.add(new Offer(new OfferId(name + "-o2"), new AgentId(name), name, attributes,
                        List.of(RoleResources.unreserved(scalars(random), List.of(PortRange.of(32000, 32005))))));
            }
        }
        Collections.shuffle(offers, random);
        List<WaitingInstance> waiting = new ArrayList<>();
        List<RunningInstance> running = new ArrayList<>();
        int apps = 1 + random.nextInt(15);
        for (int app = 0; app < apps; app++) {
            String appId = "/app-" + app;
            Resources resources = new Resources(0.1 * (1 + random.nextInt(20)), 32 * (1 + random.nextInt(64)),
                    random.nextInt(3) * 100, random.nextInt(6) == 0 ? 1 : 0);
            List<Integer> ports = new ArrayList<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                ports.add(0);
            }
            if (random.nextInt(5) == 0) {
                ports.add(roomy || random.nextBoolean() ? 31000 + random.nextInt(5) : 8000 + random.nextInt(3));
            }
            Set<String> roles = switch (random.nextInt(4)) {
                case 0 -> Set.of("web", "*");
                case 1 -> roomy ? Set.of("*") : Set.of("web");
                default -> Set.of("*");
            };
            List<Constraint> constraints = new ArrayList<>();
            List<List<String>> rules = roomy ? EASY_CONSTRAINTS : CONSTRAINTS;
            for (int c = random.nextInt(3); c > 0; c--) {
                Constraint constraint = Constraint.parse(rules.get(random.nextInt(rules.size())));
                if (!constraints.contains(constraint)) {
                    constraints.add(constraint);
                }
            }
            int instances = 1 + random.nextInt(8);
            for (int i = 0; i < instances; i++) {
                waiting.add(new WaitingInstance(appId + "." + i, appId, resources, ports, roles, constraints));
            }
            for (int r = random.nextInt(3); r > 0; r--) {
                Offer on = agents.get(random.nextInt(agents.size()));
                running.add(new RunningInstance(appId, on.agentId(), on.hostname(), on.attributes()));
            }
        }
        return new RandomCluster(offers, waiting, running);
    }

    private static Resources roomyScalars(Random random) {
        return new Resources(2 + random.nextInt(7), 2048 + 512 * random.nextInt(8), 1000, 2);
    }

    private static Resources scalars(Random random) {
        return new Resources(0.5 * random.nextInt(9), 256 * random.nextInt(9), 500 * random.nextInt(3), random.nextInt(2));
    }
}
