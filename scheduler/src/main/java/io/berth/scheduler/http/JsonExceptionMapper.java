package io.berth.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.berth.api.model.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Malformed, oversized or mistyped JSON bodies: 400 "Invalid JSON" with where and what. */
@Provider
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    ApiException api;
    if (e instanceof JsonMappingException m && !(e.getCause() instanceof JsonProcessingException)) {
      api = AppRequests.typeError(m);
    } else if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
      api = ApiException.badRequest("Invalid JSON",
          List.of(new ErrorBody.ErrorDetail("/", List.of("document is nested too deeply or too large: "
              + e.getOriginalMessage()))));
    } else {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      api = ApiException.badRequest("Invalid JSON",
          List.of(new ErrorBody.ErrorDetail("/", List.of("malformed JSON" + where + ": " + e.getOriginalMessage()))));
    }
    return Response.status(api.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(api.body()).build();
  }
}
