package io.berth.scheduler.cluster.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Walks a JSON document and lists every object key (with its path) that Mesos would not read. */
final class JsonKeys {
  static final Pattern SNAKE_CASE = Pattern.compile("[a-z0-9_]+");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonKeys() {}

  static JsonNode tree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every key path, e.g. {@code subscribe.framework_info.capabilities[].type}. */
  static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    collect(node, "", keys);
    return keys;
  }

  static List<String> notSnakeCase(byte[] json) {
    return keys(tree(json)).stream()
        .filter(path -> !SNAKE_CASE.matcher(path.substring(path.lastIndexOf('.') + 1).replace("[]", "")).matches())
        .toList();
  }

  private static void collect(JsonNode node, String path, List<String> keys) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        keys.add(child);
        collect(field.getValue(), child, keys);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, path + "[]", keys);
      }
    }
  }
}
