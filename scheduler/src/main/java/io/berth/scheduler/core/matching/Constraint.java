package io.berth.scheduler.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Marathon placement constraint {@code [field, OPERATOR(, value)]}. The field is {@code hostname}
 * (or {@code @hostname}) or any agent attribute, including {@code @region} and {@code @zone}.
 * See docs/placement.md for what each operator accepts.
 */
public record Constraint(String field, Operator operator, Optional<String> value) {

    public enum Operator { UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS }

    public Constraint {
        requireNonNull(field, "field");
        requireNonNull(operator, "operator");
        requireNonNull(value, "value");
        if (field.isBlank()) {
            throw new IllegalArgumentException("constraint field must not be empty");
        }
        String rule = field + ":" + operator;
        switch (operator) {
            case UNIQUE -> {
                if (value.isPresent()) {
                    throw new IllegalArgumentException(rule + ": UNIQUE takes no value");
                }
            }
            case CLUSTER -> {
                if (value.isPresent() && value.get().isEmpty()) {
                    throw new IllegalArgumentException(rule + ": CLUSTER value must not be empty when given");
                }
            }
            case GROUP_BY -> value.ifPresent(v -> nonNegativeInt(rule, v));
            case MAX_PER -> nonNegativeInt(rule, required(rule, value));
            case LIKE, UNLIKE -> regex(rule, required(rule, value));
            case IS -> required(rule, value);
            default -> throw new IllegalStateException("unknown operator " + operator);
        }
    }

    public static Constraint of(String field, Operator operator) {
        return new Constraint(field, operator, Optional.empty());
    }

    public static Constraint of(String field, Operator operator, String value) {
        return new Constraint(field, operator, Optional.of(value));
    }

    /**
     * Parses Marathon's JSON form, e.g. {@code ["hostname", "UNIQUE"]} or {@code ["rack", "GROUP_BY", "3"]}.
     *
     * @throws IllegalArgumentException naming the rule when the constraint is malformed
     */
    public static Constraint parse(List<String> parts) {
        requireNonNull(parts, "parts");
        if (parts.size() < 2 || parts.size() > 3) {
            throw new IllegalArgumentException("constraint " + parts
                    + ": must be [field, operator] or [field, operator, value]");
        }
        String field = requireNonNull(parts.get(0), "constraint field");
        String op = requireNonNull(parts.get(1), "constraint operator");
        Operator operator;
        try {
            operator = Operator.valueOf(op);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("constraint " + parts + ": unknown operator '" + op
                    + "', expected one of UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS", e);
        }
        return new Constraint(field, operator, parts.size() == 3 ? Optional.of(parts.get(2)) : Optional.empty());
    }

    /** Marathon's JSON form. */
    public List<String> toList() {
        List<String> out = new ArrayList<>(3);
        out.add(field);
        out.add(operator.name());
        value.ifPresent(out::add);
        return List.copyOf(out);
    }

    /** True for constraints whose verdict depends only on the offer, not on what is placed. */
    public boolean isStatic() {
        return switch (operator) {
            case LIKE, UNLIKE, IS -> true;
            default -> false;
        };
    }

    /** The field's value on an agent, or empty when the agent lacks the attribute. */
    public static Optional<String> fieldValue(String field, String hostname, Map<String, String> attributes) {
        if ("hostname".equals(field) || "@hostname".equals(field)) {
            return Optional.of(hostname);
        }
        return Optional.ofNullable(attributes.get(field));
    }

    int intValue(int fallback) {
        return value.map(Integer::parseInt).orElse(fallback);
    }

    @Override
    public String toString() {
        return field + ":" + operator + value.map(v -> ":" + v).orElse("");
    }

    private static String required(String rule, Optional<String> value) {
        if (value.isEmpty() || value.get().isEmpty()) {
            throw new IllegalArgumentException(rule + ": a value is required");
        }
        return value.get();
    }

    private static void nonNegativeInt(String rule, String v) {
        try {
            if (Integer.parseInt(v) < 0) {
                throw new IllegalArgumentException(rule + ": value must be an integer >= 0, was '" + v + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule + ": value must be an integer, was '" + v + "'", e);
        }
    }

    private static void regex(String rule, String v) {
        try {
            Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(rule + ": '" + v + "' is not a valid regular expression", e);
        }
    }
}
