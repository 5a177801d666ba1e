package io.berth.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies that keep {@code null} elements. A definition from the wire may hold
 * {@code [null]} or {@code {"k": null}}; the validator reports those with their JSON path (422)
 * instead of the record constructor failing on them ({@code List.copyOf} throws).
 */
final class Copies {

  private Copies() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
