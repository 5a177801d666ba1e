package io.berth.scheduler.core.matching;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The verdicts of one value-only rule (LIKE, UNLIKE, IS, CLUSTER's value) per field value, computed
 * once per distinct value: a regex runs once per value, not once per offer.
 */
final class StaticVerdicts {
    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final Constraint constraint;
    private final FieldValues values;
    private final Pattern pattern;
    private byte[] verdicts = new byte[16];

    StaticVerdicts(Constraint constraint, FieldValues values) {
        this.constraint = constraint;
        this.values = values;
        Constraint.Operator op = constraint.operator();
        this.pattern = op == Constraint.Operator.LIKE || op == Constraint.Operator.UNLIKE
                ? Pattern.compile(constraint.value().orElseThrow()) : null;
    }

    /** Whether an agent with this value passes; {@code value} is a value id, not {@link FieldValues#MISSING}. */
    boolean test(int value) {
        if (value >= verdicts.length) {
            verdicts = Arrays.copyOf(verdicts, Math.max(value + 1, verdicts.length * 2));
        }
        if (verdicts[value] == UNKNOWN) {
            verdicts[value] = evaluate(values.name(value)) ? YES : NO;
        }
        return verdicts[value] == YES;
    }

    private boolean evaluate(String text) {
        String wanted = constraint.value().orElse("");
        return switch (constraint.operator()) {
            case LIKE -> pattern.matcher(text).matches();
            case UNLIKE -> !pattern.matcher(text).matches();
            case IS -> text.equals(wanted) || sameScalar(text, wanted);
            case CLUSTER -> text.equals(wanted);
            default -> throw new IllegalStateException(constraint + " has no static verdict");
        };
    }

    /** Marathon compares scalar attributes to the nearest thousandth. */
    private static boolean sameScalar(String a, String b) {
        try {
            return Math.round(Double.parseDouble(a) * 1000) == Math.round(Double.parseDouble(b) * 1000);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
