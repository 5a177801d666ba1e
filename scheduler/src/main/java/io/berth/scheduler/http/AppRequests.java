package io.berth.scheduler.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.model.App;
import io.berth.api.model.AppValidator;
import io.berth.api.model.ErrorBody;
import io.berth.api.model.PathId;
import io.berth.api.model.Violation;
import java.util.List;

/**
 * Turns request bodies into normalized, valid app definitions: type errors are 400 "Invalid JSON"
 * with the field's JSON pointer, rule violations are 422 naming each field and rule. Partial updates
 * merge the given top-level fields onto the stored definition, as Marathon's {@code partialUpdate}.
 */
final class AppRequests {

  /** Fields the server owns: ignored in request bodies. */
  private static final List<String> SERVER_FIELDS = List.of("version", "versionInfo", "tasksStaged",
      "tasksRunning", "tasksHealthy", "tasksUnhealthy", "deployments", "tasks", "lastTaskFailure");

  private final ObjectMapper json;

  AppRequests(ObjectMapper json) {
    this.json = json;
  }

  /** A complete definition; {@code pathId} (from the URL) wins over the body's id when given. */
  App complete(JsonNode body, String pathId) {
    ObjectNode object = object(body);
    applyPathId(object, pathId);
    return validated(object);
  }

  /** The stored definition with the body's top-level fields laid over it. */
  App merged(App stored, JsonNode body, String pathId) {
    ObjectNode patch = object(body);
    applyPathId(patch, pathId);
    ObjectNode base = json.valueToTree(stored);
    patch.fields().forEachRemaining(e -> base.set(e.getKey(), e.getValue()));
    return validated(base);
  }

  private static ObjectNode object(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw ApiException.badRequest("Invalid JSON", List.of(detail("/", "a JSON object is required")));
    }
    if (!body.isObject()) {
      throw ApiException.badRequest("Invalid JSON", List.of(detail("/", "error.expected.jsobject")));
    }
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    copy.remove(SERVER_FIELDS);
    return copy;
  }

  private static void applyPathId(ObjectNode object, String pathId) {
    if (pathId == null) {
      return;
    }
    JsonNode given = object.get("id");
    if (given != null && !given.isNull()) {
      if (!given.isTextual()) {
        throw ApiException.badRequest("Invalid JSON", List.of(detail("/id", "error.expected.jsstring")));
      }
      if (!PathId.canonical(given.asText()).equals(PathId.canonical(pathId))) {
        throw ApiException.invalid("/id", "must match the id in the URL ('" + PathId.canonical(pathId) + "')");
      }
    }
    object.put("id", pathId);
  }

  private App validated(ObjectNode object) {
    App app;
    try {
      app = json.treeToValue(object, App.class);
    } catch (JsonMappingException e) {
      throw typeError(e);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid JSON", List.of(detail("/", String.valueOf(e.getMessage()))));
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid JSON", List.of(detail("/", "unreadable definition")));
    }
    App normalized = app.normalized();
    List<Violation> violations = AppValidator.validate(normalized);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(AppValidator.details(violations));
    }
    return normalized;
  }

  /** A Jackson mapping error as Marathon's 400 body, naming the field by JSON pointer. */
  static ApiException typeError(JsonMappingException e) {
    return ApiException.badRequest("Invalid JSON", List.of(detail(pointer(e), expectation(e))));
  }

  static String pointer(JsonMappingException e) {
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      p.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
    }
    return p.length() == 0 ? "/" : p.toString();
  }

  private static String expectation(JsonMappingException e) {
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> t = m.getTargetType();
      if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
        return "error.expected.jsnumber";
      }
      if (t == String.class) {
        return "error.expected.jsstring";
      }
      if (t == Boolean.class || t == boolean.class) {
        return "error.expected.jsboolean";
      }
      if (java.util.Collection.class.isAssignableFrom(t)) {
        return "error.expected.jsarray";
      }
      if (e instanceof InvalidFormatException) {
        return "error.expected.jsnumber";
      }
      return "error.expected.jsobject";
    }
    Throwable cause = e.getCause();
    return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
  }

  private static ErrorBody.ErrorDetail detail(String path, String error) {
    return new ErrorBody.ErrorDetail(path, List.of(error));
  }
}
