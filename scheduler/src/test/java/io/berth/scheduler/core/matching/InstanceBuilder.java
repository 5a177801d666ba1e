package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds waiting instances for tests: {@code anInstance("web.1").ofApp("/web").withCpus(1).build()}. */
final class InstanceBuilder {
    private final String id;
    private String app = "/app";
    private Resources resources = Resources.of(0.1, 32);
    private final List<Integer> ports = new ArrayList<>();
    private final Set<String> roles = new LinkedHashSet<>(Set.of(RoleResources.DEFAULT_ROLE));
    private final List<Constraint> constraints = new ArrayList<>();

    private InstanceBuilder(String id) {
        this.id = id;
    }

    static InstanceBuilder anInstance(String id) {
        return new InstanceBuilder(id);
    }

    /** {@code count} instances {@code app.0 .. app.(count-1)} built from the same template. */
    static List<WaitingInstance> instancesOf(String app, int count, InstanceBuilder template) {
        List<WaitingInstance> out = new ArrayList<>();
        WaitingInstance shape = template.ofApp(app).build();
        for (int i = 0; i < count; i++) {
            out.add(new WaitingInstance(app + "." + i, app, shape.resources(), shape.hostPorts(),
                    shape.acceptedRoles(), shape.constraints()));
        }
        return out;
    }

    InstanceBuilder ofApp(String appId) {
        this.app = appId;
        return this;
    }

    InstanceBuilder withCpus(double cpus) {
        resources = resources.withCpus(cpus);
        return this;
    }

    InstanceBuilder withMem(double mem) {
        resources = resources.withMemMb(mem);
        return this;
    }

    InstanceBuilder withDisk(double disk) {
        resources = resources.withDiskMb(disk);
        return this;
    }

    InstanceBuilder withGpus(double gpus) {
        resources = resources.withGpus(gpus);
        return this;
    }

    InstanceBuilder withDynamicPorts(int count) {
        for (int i = 0; i < count; i++) {
            ports.add(0);
        }
        return this;
    }

    InstanceBuilder withRequiredPorts(int... hostPorts) {
        for (int p : hostPorts) {
            ports.add(p);
        }
        return this;
    }

    InstanceBuilder acceptingRoles(String... accepted) {
        roles.clear();
        roles.addAll(List.of(accepted));
        return this;
    }

    InstanceBuilder withConstraint(String... parts) {
        constraints.add(Constraint.parse(List.of(parts)));
        return this;
    }

    WaitingInstance build() {
        return new WaitingInstance(id, app, resources, ports, roles, constraints);
    }
}
