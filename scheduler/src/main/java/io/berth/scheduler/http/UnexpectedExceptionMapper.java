package io.berth.scheduler.http;

import io.berth.api.model.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: logged in full under a random id; the caller gets only the id. */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
    int status = e instanceof io.berth.scheduler.store.TransientStoreException ? 503 : 500;
    LOG.error("Error handling a request: {}", id, e);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of("There was an error processing your request. It has been logged (ID " + id + ")."))
        .build();
  }
}
