package io.berth.api.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects violations while a validator walks a definition; groups them per path for the error body. */
final class Violations {

  private final List<Violation> found = new ArrayList<>();

  void add(String path, String message) {
    found.add(new Violation(path, message));
  }

  void require(boolean ok, String path, String message) {
    if (!ok) {
      add(path, message);
    }
  }

  void range(Number value, double min, double max, String path) {
    if (value == null) {
      return;
    }
    double v = value.doubleValue();
    if (Double.isNaN(v) || v < min) {
      add(path, "must be greater than or equal to " + format(min));
    } else if (v > max) {
      add(path, "must be less than or equal to " + format(max));
    }
  }

  void oneOf(String value, Collection<String> allowed, String path) {
    if (value != null && !allowed.contains(value)) {
      add(path, "must be one of " + String.join(", ", allowed));
    }
  }

  List<Violation> list() {
    return List.copyOf(found);
  }

  static List<ErrorBody.ErrorDetail> details(List<Violation> violations) {
    Map<String, List<String>> byPath = new LinkedHashMap<>();
    for (Violation v : violations) {
      byPath.computeIfAbsent(v.path(), k -> new ArrayList<>()).add(v.message());
    }
    List<ErrorBody.ErrorDetail> out = new ArrayList<>();
    byPath.forEach((path, errors) -> out.add(new ErrorBody.ErrorDetail(path, errors)));
    return out;
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
