package io.berth.scheduler.bench;

import com.netflix.fenzo.ConstraintEvaluator;
import com.netflix.fenzo.TaskRequest;
import com.netflix.fenzo.VMTaskFitnessCalculator;
import java.util.List;
import java.util.Map;

/** A benchmark task as a Fenzo task request. */
final class FenzoTask implements TaskRequest {
    private final Workload.Task task;
    private final List<ConstraintEvaluator> hardConstraints;
    private AssignedResources assigned;

    FenzoTask(Workload.Task task, List<ConstraintEvaluator> hardConstraints) {
        this.task = task;
        this.hardConstraints = hardConstraints;
    }

    @Override
    public String getId() {
        return task.id();
    }

    @Override
    public String taskGroupName() {
        return task.app();
    }

    @Override
    public double getCPUs() {
        return task.cpus();
    }

    @Override
    public double getMemory() {
        return task.mem();
    }

    @Override
    public double getNetworkMbps() {
        return 0;
    }

    @Override
    public double getDisk() {
        return task.disk();
    }

    @Override
    public int getPorts() {
        return task.ports();
    }

    @Override
    public Map<String, Double> getScalarRequests() {
        return Map.of();
    }

    @Override
    public Map<String, NamedResourceSetRequest> getCustomNamedResources() {
        return Map.of();
    }

    @Override
    public List<? extends ConstraintEvaluator> getHardConstraints() {
        return hardConstraints;
    }

    @Override
    public List<? extends VMTaskFitnessCalculator> getSoftConstraints() {
        return List.of();
    }

    @Override
    public void setAssignedResources(AssignedResources assignedResources) {
        this.assigned = assignedResources;
    }

    @Override
    public AssignedResources getAssignedResources() {
        return assigned;
    }
}
