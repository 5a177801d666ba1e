package io.berth.api.client;

import io.berth.api.model.ErrorBody;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An error answer of the API: its HTTP status and Marathon-style body
 * ({@code {"message": ..., "details": [{"path": ..., "errors": [...]}]}}). A body that is not such
 * JSON (a proxy's HTML page, an empty 503) becomes a body whose message is the raw text or the reason.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ErrorBody body;

  public ApiException(int status, ErrorBody body) {
    super(describe(status, Objects.requireNonNull(body, "body")));
    this.status = status;
    this.body = body;
  }

  public ApiException(int status, String message, List<ErrorBody.ErrorDetail> details) {
    this(status, new ErrorBody(message, details));
  }

  public int status() {
    return status;
  }

  public ErrorBody body() {
    return body;
  }

  /** The body's message, e.g. {@code App '/x' does not exist}. */
  public String errorMessage() {
    return body.message();
  }

  private static String describe(int status, ErrorBody body) {
    StringBuilder s = new StringBuilder("HTTP ").append(status);
    if (body.message() != null && !body.message().isEmpty()) {
      s.append(": ").append(body.message());
    }
    if (!body.details().isEmpty()) {
      s.append(body.details().stream()
          .map(d -> d.path() + ": " + String.join(", ", d.errors()))
          .collect(Collectors.joining("; ", " (", ")")));
    }
    return s.toString();
  }
}
