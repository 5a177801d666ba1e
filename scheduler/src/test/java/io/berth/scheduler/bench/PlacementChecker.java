package io.berth.scheduler.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts violations in an engine's placements using only the workload: trusts neither engine.
 * One violation per over-committed resource on an agent, per port that is outside the agent's
 * range or used twice on it, per task with the wrong number of ports, per task placed twice or on
 * an unknown agent, and per task that shares a host with another task of its hostname:UNIQUE app.
 */
final class PlacementChecker {
    private PlacementChecker() {
    }

    record Verdict(int violations, int agentsUsed) {
    }

    static Verdict check(Workload workload, List<Placement> placements) {
        Map<String, Workload.Task> tasks = new HashMap<>();
        workload.tasks().forEach(t -> tasks.put(t.id(), t));
        Set<String> hosts = new HashSet<>();
        workload.agents().forEach(a -> hosts.add(a.hostname()));
        Map<String, long[]> used = new HashMap<>();
        Map<String, Set<Integer>> portsOnHost = new HashMap<>();
        Set<String> uniqueAppOnHost = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int violations = 0;
        for (Placement p : placements) {
            Workload.Task task = tasks.get(p.taskId());
            if (task == null || !seen.add(p.taskId()) || !hosts.contains(p.hostname())) {
                violations++;
                continue;
            }
            long[] sums = used.computeIfAbsent(p.hostname(), h -> new long[3]);
            sums[0] += Math.round(task.cpus() * 1000);
            sums[1] += Math.round(task.mem() * 1000);
            sums[2] += Math.round(task.disk() * 1000);
            if (p.ports().size() != task.ports()) {
                violations++;
            }
            Set<Integer> ports = portsOnHost.computeIfAbsent(p.hostname(), h -> new HashSet<>());
            for (int port : p.ports()) {
                if (port < Workload.PORTS_BEGIN || port > Workload.PORTS_END || !ports.add(port)) {
                    violations++;
                }
            }
            if (task.uniqueHost() && !uniqueAppOnHost.add(task.app() + "@" + p.hostname())) {
                violations++;
            }
        }
        long[] capacity = {Math.round(Workload.AGENT_CPUS * 1000), Math.round(Workload.AGENT_MEM * 1000),
            Math.round(Workload.AGENT_DISK * 1000)};
        for (long[] sums : used.values()) {
            for (int r = 0; r < 3; r++) {
                if (sums[r] > capacity[r]) {
                    violations++;
                }
            }
        }
        return new Verdict(violations, used.size());
    }
}
