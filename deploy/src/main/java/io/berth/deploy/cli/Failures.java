package io.berth.deploy.cli;

import io.berth.api.client.ApiException;
import io.berth.api.model.ErrorBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;

/** How failures read on stderr. Pure: takes exceptions, returns lines. */
final class Failures {

  private Failures() {}

  /**
   * A refused request: the status and message, then each detail's path and errors, one per line.
   * <pre>
   * Error: HTTP 422: Object is not valid
   *   /cpus: must be at least 0
   * </pre>
   */
  static List<String> describe(ApiException e) {
    ErrorBody body = e.body();
    List<String> lines = new ArrayList<>();
    String message = body.message() == null || body.message().isBlank() ? "(no message)" : body.message();
    lines.add("Error: HTTP " + e.status() + ": " + message);
    for (ErrorBody.ErrorDetail d : body.details()) {
      String path = d.path() == null || d.path().isBlank() ? "/" : d.path();
      if (d.errors().isEmpty()) {
        lines.add("  " + path);
      }
      for (String error : d.errors()) {
        lines.add("  " + path + ": " + error);
      }
    }
    return lines;
  }

  /** The I/O failure under {@code e}, if the call failed for want of a connection rather than an answer. */
  static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t instanceof UnresolvedAddressException) {
        return new UnknownHostException(t.toString());
      }
    }
    return null;
  }

  /** The line printed when the server cannot be reached. */
  static String unreachable(String url, IOException cause) {
    String why;
    if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
      why = "connection refused or timed out";
    } else if (cause instanceof UnknownHostException) {
      why = "unknown host";
    } else {
      why = "connection failed";
    }
    String detail = cause.getMessage() == null || cause.getMessage().isBlank()
        ? cause.getClass().getSimpleName() : cause.getMessage();
    return "Error: cannot reach Berth at " + url + " (" + why + ": " + detail + ")";
  }
}
