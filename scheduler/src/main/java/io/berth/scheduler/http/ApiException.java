package io.berth.scheduler.http;

import io.berth.api.model.ErrorBody;
import java.util.List;

/** A refusal with a Marathon-style error body; mapped to JSON by {@link ApiExceptionMapper}. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final transient ErrorBody body;

  public ApiException(int status, ErrorBody body) {
    super(body.message());
    this.status = status;
    this.body = body;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, ErrorBody.of(message));
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, ErrorBody.of(message));
  }

  public static ApiException badRequest(String message, List<ErrorBody.ErrorDetail> details) {
    return new ApiException(400, new ErrorBody(message, details));
  }

  public static ApiException invalid(List<ErrorBody.ErrorDetail> details) {
    return new ApiException(422, new ErrorBody("Object is not valid", details));
  }

  public static ApiException invalid(String path, String error) {
    return invalid(List.of(new ErrorBody.ErrorDetail(path, List.of(error))));
  }

  public int status() {
    return status;
  }

  public ErrorBody body() {
    return body;
  }
}
