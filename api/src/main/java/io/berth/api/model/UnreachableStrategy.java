package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When an unreachable instance is replaced ({@code inactiveAfterSeconds}) and forgotten
 * ({@code expungeAfterSeconds}); or {@code "disabled"}: never replaced.
 */
public record UnreachableStrategy(boolean disabled, Long inactiveAfterSeconds, Long expungeAfterSeconds) {

  public static final UnreachableStrategy DEFAULT = new UnreachableStrategy(false, 0L, 0L);
  public static final UnreachableStrategy DISABLED = new UnreachableStrategy(true, null, null);

  public static UnreachableStrategy of(long inactiveAfterSeconds, long expungeAfterSeconds) {
    return new UnreachableStrategy(false, inactiveAfterSeconds, expungeAfterSeconds);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static UnreachableStrategy fromJson(Object json) {
    if ("disabled".equals(json)) {
      return DISABLED;
    }
    if (json instanceof Map<?, ?> map) {
      return new UnreachableStrategy(false,
          asLong(map.get("inactiveAfterSeconds"), "inactiveAfterSeconds"),
          asLong(map.get("expungeAfterSeconds"), "expungeAfterSeconds"));
    }
    throw new IllegalArgumentException(
        "must be \"disabled\" or {\"inactiveAfterSeconds\": n, \"expungeAfterSeconds\": n}");
  }

  private static Long asLong(Object o, String field) {
    if (o == null) {
      return null;
    }
    if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new IllegalArgumentException(field + " must be a whole number of seconds");
  }

  @JsonValue
  Object toJson() {
    if (disabled) {
      return "disabled";
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (inactiveAfterSeconds != null) {
      out.put("inactiveAfterSeconds", inactiveAfterSeconds);
    }
    if (expungeAfterSeconds != null) {
      out.put("expungeAfterSeconds", expungeAfterSeconds);
    }
    return out;
  }

  UnreachableStrategy normalized() {
    if (disabled) {
      return this;
    }
    return new UnreachableStrategy(false,
        inactiveAfterSeconds == null ? 0L : inactiveAfterSeconds,
        expungeAfterSeconds == null ? 0L : expungeAfterSeconds);
  }
}
