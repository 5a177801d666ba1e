package io.berth.scheduler.http;

import io.berth.api.model.ErrorBody;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey's own refusals (unknown URL, wrong method, wrong content type) with a JSON body too. */
@Provider
public final class WebExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    if (e.getResponse().hasEntity()) {
      return e.getResponse();
    }
    int status = e.getResponse().getStatus();
    String message;
    if (e instanceof NotFoundException) {
      message = "URI not found";
    } else if (e instanceof NotSupportedException) {
      message = "Unsupported Media Type: send the body as application/json";
    } else if (e instanceof NotAllowedException) {
      message = "Method not allowed";
    } else {
      message = e.getResponse().getStatusInfo().getReasonPhrase();
    }
    if (status >= 500) {
      return new UnexpectedExceptionMapper().toResponse(e);
    }
    Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of(message));
    e.getResponse().getHeaders().forEach((k, v) -> {
      if (!k.equalsIgnoreCase("Content-Type")) {
        v.forEach(value -> b.header(k, value));
      }
    });
    return b.build();
  }
}
