package io.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.berth.api.model.ErrorBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Turns every error answer into an {@link ApiException} carrying the status and the parsed body. */
final class ErrorBodyDecoder implements ErrorDecoder {

  /** Enough for any validation report; a larger body is cut, not read to the end. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final ObjectMapper json;

  ErrorBodyDecoder(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String text = read(response);
    return new ApiException(response.status(), body(text, response.reason()));
  }

  private ErrorBody body(String text, String reason) {
    if (text != null && !text.isBlank()) {
      try {
        JsonNode node = json.readTree(text);
        if (node != null && node.isObject() && node.path("message").isTextual()) {
          return marathonBody(node);
        }
      } catch (IOException notJson) {
        // fall through: keep the raw text as the message
      }
      return ErrorBody.of(text.strip());
    }
    return ErrorBody.of(reason == null ? "" : reason);
  }

  /** The body as Marathon shapes it; a {@code details} that is not a list (Marathon sends text at times) is dropped. */
  private ErrorBody marathonBody(JsonNode node) {
    try {
      return json.treeToValue(node, ErrorBody.class);
    } catch (IOException | IllegalArgumentException oddDetails) {
      return ErrorBody.of(node.get("message").asText());
    }
  }

  private static String read(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
