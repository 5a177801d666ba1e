package io.berth.scheduler.bench;

import com.netflix.fenzo.ConstraintEvaluator;
import com.netflix.fenzo.SchedulingResult;
import com.netflix.fenzo.TaskAssignmentResult;
import com.netflix.fenzo.TaskRequest;
import com.netflix.fenzo.TaskScheduler;
import com.netflix.fenzo.VMAssignmentResult;
import com.netflix.fenzo.VirtualMachineLease;
import com.netflix.fenzo.plugins.BinPackingFitnessCalculators;
import com.netflix.fenzo.plugins.UniqueHostAttrConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fenzo 0.13.8 with {@code cpuMemBinPacker} and otherwise default settings; the tuned variant adds
 * the early exit "fitness good enough" at 0.5. hostname:UNIQUE is Fenzo's
 * {@link UniqueHostAttrConstraint} over the app's tasks. A fresh scheduler per run.
 */
final class FenzoEngine implements Engine {
    private final boolean tuned;

    FenzoEngine(boolean tuned) {
        this.tuned = tuned;
    }

    @Override
    public String name() {
        return tuned ? "fenzo-tuned" : "fenzo";
    }

    @Override
    public EngineRun run(Workload workload) {
        Map<String, Set<String>> tasksOfApp = new HashMap<>();
        for (Workload.Task task : workload.tasks()) {
            tasksOfApp.computeIfAbsent(task.app(), a -> new HashSet<>()).add(task.id());
        }
        Map<String, String> appOfTask = new HashMap<>();
        workload.tasks().forEach(t -> appOfTask.put(t.id(), t.app()));
        Map<String, List<ConstraintEvaluator>> uniqueByApp = new HashMap<>();
        List<TaskRequest> requests = new ArrayList<>(workload.tasks().size());
        for (Workload.Task task : workload.tasks()) {
            List<ConstraintEvaluator> hard = task.uniqueHost()
                    ? uniqueByApp.computeIfAbsent(task.app(), a -> List.of(
                            new UniqueHostAttrConstraint(id -> tasksOfApp.get(appOfTask.get(id)))))
                    : List.of();
            requests.add(new FenzoTask(task, hard));
        }
        long now = System.currentTimeMillis();
        List<VirtualMachineLease> leases = new ArrayList<>(workload.agents().size());
        for (Workload.Agent agent : workload.agents()) {
            leases.add(new FenzoLease(agent, now));
        }
        TaskScheduler.Builder builder = new TaskScheduler.Builder()
                .withLeaseRejectAction(lease -> { })
                .withFitnessCalculator(BinPackingFitnessCalculators.cpuMemBinPacker);
        if (tuned) {
            builder.withFitnessGoodEnoughFunction(fitness -> fitness > 0.5);
        }
        TaskScheduler scheduler = builder.build();
        try {
            List<Placement> placements = new ArrayList<>(requests.size());
            long start = System.nanoTime();
            SchedulingResult result = scheduler.scheduleOnce(requests, leases);
            long nanos = System.nanoTime() - start;
            if (!result.getExceptions().isEmpty()) {
                throw new IllegalStateException("Fenzo failed", result.getExceptions().get(0));
            }
            for (VMAssignmentResult vm : result.getResultMap().values()) {
                for (TaskAssignmentResult assigned : vm.getTasksAssigned()) {
                    placements.add(new Placement(assigned.getTaskId(), vm.getHostname(),
                            List.copyOf(assigned.getAssignedPorts())));
                }
            }
            return new EngineRun(placements, nanos);
        } finally {
            scheduler.shutdown();
        }
    }
}
