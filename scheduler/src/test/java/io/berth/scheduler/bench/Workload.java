package io.berth.scheduler.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The placement benchmark's workload, identical for every engine: {@code agents} agents
 * {@code agent-i} (8 cpus, 32768 MB, 100000 MB disk, ports 31000-32000, rack=rack-(i mod 10)) and
 * {@code tasks} tasks in apps of 10 (the last shorter). Each app draws, with one
 * {@code Random(seed)} in app order, four {@code nextInt(100)}: cpus, mem, disk, ports, each mapped
 * to the first bucket whose cumulative weight exceeds the draw. Every 10th app is hostname:UNIQUE.
 */
record Workload(long seed, List<Agent> agents, List<Task> tasks) {
    static final double AGENT_CPUS = 8;
    static final double AGENT_MEM = 32768;
    static final double AGENT_DISK = 100000;
    static final int PORTS_BEGIN = 31000;
    static final int PORTS_END = 32000;
    static final int APP_SIZE = 10;

    private static final double[] CPUS = {0.1, 0.25, 0.5, 1, 2};
    private static final int[] CPU_WEIGHTS = {30, 25, 25, 15, 5};
    private static final double[] MEM = {64, 128, 256, 512, 1024, 2048};
    private static final int[] MEM_WEIGHTS = {10, 15, 20, 20, 20, 15};
    private static final double[] DISK = {0, 256, 1024};
    private static final int[] DISK_WEIGHTS = {50, 30, 20};
    private static final int[] PORTS = {0, 1, 2};
    private static final int[] PORT_WEIGHTS = {50, 40, 10};

    record Agent(int index, String hostname, String rack) {
    }

    record Task(String id, String app, double cpus, double mem, double disk, int ports, boolean uniqueHost) {
    }

    static Workload generate(int agentCount, int taskCount, long seed) {
        List<Agent> agents = new ArrayList<>(agentCount);
        for (int i = 0; i < agentCount; i++) {
            agents.add(new Agent(i, "agent-" + i, "rack-" + (i % 10)));
        }
        Random random = new Random(seed);
        List<Task> tasks = new ArrayList<>(taskCount);
        int apps = (taskCount + APP_SIZE - 1) / APP_SIZE;
        for (int a = 0; a < apps; a++) {
            double cpus = CPUS[bucket(random.nextInt(100), CPU_WEIGHTS)];
            double mem = MEM[bucket(random.nextInt(100), MEM_WEIGHTS)];
            double disk = DISK[bucket(random.nextInt(100), DISK_WEIGHTS)];
            int ports = PORTS[bucket(random.nextInt(100), PORT_WEIGHTS)];
            String app = "app-" + a;
            int size = Math.min(APP_SIZE, taskCount - a * APP_SIZE);
            for (int i = 0; i < size; i++) {
                tasks.add(new Task(app + "." + i, app, cpus, mem, disk, ports, a % 10 == 0));
            }
        }
        return new Workload(seed, List.copyOf(agents), List.copyOf(tasks));
    }

    private static int bucket(int draw, int[] weights) {
        int cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (draw < cumulative) {
                return i;
            }
        }
        throw new IllegalStateException("weights must add up to 100");
    }
}
