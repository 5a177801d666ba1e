package io.berth.scheduler.core.matching;

import static io.berth.scheduler.core.matching.FieldValues.MISSING;

/**
 * One constraint of one group, bound to the round's field values and to its app's placed counts,
 * so a check is a few array reads. Marathon semantics: an agent without the field passes only UNLIKE.
 */
final class CompiledConstraint {
    final Constraint constraint;
    final FieldValues values;
    final PlacedCounts placed;
    private final StaticVerdicts verdicts;
    private final int param;

    CompiledConstraint(Constraint constraint, FieldValues values, PlacedCounts placed, StaticVerdicts verdicts) {
        this.constraint = constraint;
        this.values = values;
        this.placed = placed;
        this.verdicts = verdicts;
        this.param = switch (constraint.operator()) {
            case MAX_PER -> constraint.intValue(0);
            case GROUP_BY -> constraint.intValue(0);
            default -> 0;
        };
    }

    boolean accepts(int offer) {
        int v = values.ofOffer(offer);
        if (v == MISSING) {
            return constraint.operator() == Constraint.Operator.UNLIKE;
        }
        return switch (constraint.operator()) {
            case UNIQUE -> placed.count(v) == 0;
            case MAX_PER -> placed.count(v) < param;
            case CLUSTER -> (verdicts == null || verdicts.test(v)) && placed.count(v) == placed.total();
            case GROUP_BY -> {
                int here = placed.count(v);
                yield here == 0 || (placed.groups() >= param && here == placed.minCount());
            }
            case LIKE, UNLIKE, IS -> verdicts.test(v);
        };
    }

    /** GROUP_BY's placement preference: a value with no instance yet (Marathon accepts it, we try it first). */
    boolean prefersNewValues() {
        return constraint.operator() == Constraint.Operator.GROUP_BY && placed.hasUnusedOfferedValue();
    }

    boolean isNewValue(int offer) {
        int v = values.ofOffer(offer);
        return v != MISSING && placed.count(v) == 0;
    }

    /** Whether the rule only admits offers with certain values, so candidates can come from the index. */
    boolean restricts() {
        return switch (constraint.operator()) {
            case LIKE, IS -> true;
            case CLUSTER -> constraint.value().isPresent() || placed.total() > 0;
            default -> false;
        };
    }

    /** For a restricting rule: whether offers with this value can pass at all. */
    boolean admitsValue(int v) {
        return switch (constraint.operator()) {
            case CLUSTER -> (verdicts == null || verdicts.test(v))
                    && (placed.total() == 0 || placed.sharedValue() == v);
            default -> verdicts.test(v);
        };
    }
}
