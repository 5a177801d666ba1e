package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.List;

/** Waiting instances with the same shape (same app, resources, ports, roles, constraints). */
final class InstanceGroup {
    final WaitingInstance.Shape shape;
    final List<WaitingInstance> instances = new ArrayList<>();
    Demand demand;
    CompiledConstraint[] constraints;
    /** Set once looking for a new GROUP_BY value failed: offers only shrink, so it would fail again. */
    boolean noNewValueFits;

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

    /** Whether the next search should first try offers with values the app has no instance on (GROUP_BY). */
    boolean wantsNewValue() {
        if (noNewValueFits) {
            return false;
        }
        for (CompiledConstraint c : constraints) {
            if (c.prefersNewValues()) {
                return true;
            }
        }
        return false;
    }

    boolean isNewValueForAll(int offer) {
        for (CompiledConstraint c : constraints) {
            if (c.constraint.operator() == Constraint.Operator.GROUP_BY && !c.isNewValue(offer)) {
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
