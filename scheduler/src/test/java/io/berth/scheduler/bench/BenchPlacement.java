package io.berth.scheduler.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * {@code bench-placement --agents M --tasks N [--seed S] [--runs K] [--engines berth,fenzo,fenzo-tuned]}:
 * runs Berth's matcher and Fenzo on the same generated workload in this JVM, alternating, after a
 * warm-up, and prints one line per engine and run. See docs/benchmarks.md.
 */
public final class BenchPlacement {
    private BenchPlacement() {
    }

    public static void main(String[] args) {
        int agents = 1000;
        int tasks = 10000;
        long seed = 42;
        int runs = 3;
        String engineNames = "berth,fenzo,fenzo-tuned";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(required(args[i], value));
                case "--tasks" -> tasks = Integer.parseInt(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--runs" -> runs = Integer.parseInt(required(args[i], value));
                case "--engines" -> engineNames = required(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --agents M --tasks N [--seed S] [--runs K] [--engines berth,fenzo,fenzo-tuned]");
            }
            i++;
        }
        List<Engine> engines = new ArrayList<>();
        for (String name : engineNames.split(",")) {
            engines.add(switch (name.trim()) {
                case "berth" -> new BerthEngine();
                case "fenzo" -> new FenzoEngine(false);
                case "fenzo-tuned" -> new FenzoEngine(true);
                default -> throw new IllegalArgumentException("unknown engine " + name);
            });
        }
        Workload workload = Workload.generate(agents, tasks, seed);
        Workload primer = Workload.generate(Math.min(agents, 200), Math.min(tasks, 2000), seed);
        warmUp(engines, agents, tasks, seed);
        for (int run = 0; run < runs; run++) {
            for (Engine engine : engines) {
                System.out.println(measure(engine, workload, primer));
            }
        }
    }

    /** Seconds of each engine's last pass over the full workload; absent when not known yet. */
    private static final Map<String, Double> LAST_FULL_SECONDS = new HashMap<>();

    private static EngineRun runFull(Engine engine, Workload full) {
        EngineRun run = engine.run(full);
        LAST_FULL_SECONDS.put(engine.name(), run.nanos() / 1e9);
        return run;
    }

    /**
     * JIT warm-up: Fenzo first, on a 200 x 2000 slice (loading its classes can undo compiled code
     * elsewhere), then Berth on the full workload (it is cheap) until its code is compiled.
     */
    private static void warmUp(List<Engine> engines, int agents, int tasks, long seed) {
        Workload small = Workload.generate(Math.min(agents, 200), Math.min(tasks, 2000), seed);
        Workload full = Workload.generate(agents, tasks, seed);
        for (Engine engine : engines) {
            if (!(engine instanceof BerthEngine)) {
                engine.run(small);
                engine.run(small);
            }
        }
        for (Engine engine : engines) {
            if (engine instanceof BerthEngine) {
                long until = System.nanoTime() + 3_000_000_000L;
                for (int i = 0; i < 200 && (i < 10 || System.nanoTime() < until); i++) {
                    if (i % 2 == 0) {
                        engine.run(small);
                    } else {
                        runFull(engine, full);
                    }
                }
            }
        }
    }

    /**
     * One timed run: settle (garbage, the previous engine's threads), an untimed primer pass of the
     * same engine so caches and CPU are warm again, a collection, then the timed pass. The rule is the
     * same for every engine: the primer is the full workload when the engine's last full pass took
     * under a second (cold caches matter at that scale), else two passes over the small slice.
     */
    private static String measure(Engine engine, Workload workload, Workload primer) {
        settle();
        if (LAST_FULL_SECONDS.getOrDefault(engine.name(), Double.MAX_VALUE) < 1.0) {
            engine.run(workload);
        } else {
            engine.run(primer);
            engine.run(primer);
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        EngineRun run = runFull(engine, workload);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        PlacementChecker.Verdict verdict = PlacementChecker.check(workload, run.placements());
        double seconds = run.nanos() / 1e9;
        return String.format(Locale.ROOT,
                "engine=%s agents=%d tasks=%d placed=%d seconds=%.4f placements_per_sec=%.0f agents_used=%d"
                        + " violations=%d peak_heap_mb=%d",
                engine.name(), workload.agents().size(), workload.tasks().size(), run.placements().size(), seconds,
                run.placements().size() / seconds, verdict.agentsUsed(), verdict.violations(), peak / (1024 * 1024));
    }

    /** Lets the previous run's garbage, JIT compilations and pool threads finish before the next is timed. */
    private static void settle() {
        System.gc();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
