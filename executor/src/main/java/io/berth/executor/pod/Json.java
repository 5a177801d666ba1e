package io.berth.executor.pod;

import java.util.Map;
import java.util.stream.Collectors;

/** The little JSON the pod plan writes (a flat string map for {@code SENSU_LABELS}). */
final class Json {

  private Json() {}

  static String object(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> string(e.getKey()) + ":" + string(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
