package io.berth.scheduler.cluster.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops enum values the 1.11 protos do not know from a JSON message, as Mesos itself does for
 * optional fields: a newer master may add capabilities or reasons, and protobuf-java-util 3.5's
 * parser rejects the whole event for one unknown name, even when ignoring unknown fields.
 * Unknown values of required fields are kept, so the parse still fails as it should.
 */
final class UnknownEnums {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UnknownEnums() {}

  static String drop(String json, Descriptor type) throws IOException {
    JsonNode tree = MAPPER.readTree(json);
    if (tree instanceof ObjectNode object) {
      clean(object, type);
    }
    return MAPPER.writeValueAsString(tree);
  }

  private static void clean(ObjectNode object, Descriptor type) {
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      FieldDescriptor field = field(type, entry.getKey());
      if (field == null || field.isMapField()) {
        continue;
      }
      JsonNode value = entry.getValue();
      if (field.getType() == FieldDescriptor.Type.ENUM) {
        if (field.isRepeated() && value instanceof ArrayNode array) {
          for (int i = array.size() - 1; i >= 0; i--) {
            if (!known(field, array.get(i))) {
              array.remove(i);
            }
          }
        } else if (!field.isRequired() && !known(field, value)) {
          unknown.add(entry.getKey());
        }
      } else if (field.getType() == FieldDescriptor.Type.MESSAGE) {
        if (value instanceof ObjectNode child) {
          clean(child, field.getMessageType());
        } else if (value instanceof ArrayNode array) {
          array.forEach(element -> {
            if (element instanceof ObjectNode child) {
              clean(child, field.getMessageType());
            }
          });
        }
      }
    }
    object.remove(unknown);
  }

  private static FieldDescriptor field(Descriptor type, String key) {
    FieldDescriptor field = type.findFieldByName(key);
    if (field != null) {
      return field;
    }
    return type.getFields().stream().filter(f -> f.getJsonName().equals(key)).findFirst().orElse(null);
  }

  private static boolean known(FieldDescriptor field, JsonNode value) {
    if (value.isTextual()) {
      return field.getEnumType().findValueByName(value.asText()) != null;
    }
    if (value.isInt()) {
      return field.getEnumType().findValueByNumber(value.asInt()) != null;
    }
    return true; // null and anything else: left to the parser
  }
}
