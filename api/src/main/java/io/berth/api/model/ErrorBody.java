package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Every 4xx body: {@code {"message": ..., "details": [{"path": ..., "errors": [...]}]}}.
 * {@code details} is always an array (the Marathon Java client cannot parse anything else).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorBody(String message, List<ErrorDetail> details) {

  public ErrorBody {
    details = details == null ? List.of() : List.copyOf(details);
  }

  public static ErrorBody of(String message) {
    return new ErrorBody(message, List.of());
  }

  /** The rules one JSON path broke; {@code path} is a JSON pointer such as {@code /container/docker/image}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ErrorDetail(String path, List<String> errors) {
    public ErrorDetail {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }
  }
}
