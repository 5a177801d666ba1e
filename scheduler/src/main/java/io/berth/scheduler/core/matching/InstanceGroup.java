package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.List;

/** Waiting instances with the same shape (same app, resources, ports, roles, constraints). */
final class InstanceGroup {
    final WaitingInstance.Shape shape;
    final List<WaitingInstance> instances = new ArrayList<>();
    Demand demand;
    CompiledConstraint[] constraints;

    InstanceGroup(WaitingInstance.Shape shape) {
        this.shape = shape;
    }

    boolean accepts(int offer) {
        for (CompiledConstraint c : constraints) {
            if (!c.accepts(offer)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a restriction may change once the group places its first instance (CLUSTER pins then). */
    boolean pinsOnFirstLaunch() {
        for (CompiledConstraint c : constraints) {
            if (c.constraint.operator() == Constraint.Operator.CLUSTER && c.placed.total() == 0) {
                return true;
            }
        }
        return false;
    }
}
