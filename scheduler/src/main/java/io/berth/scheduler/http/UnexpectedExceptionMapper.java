package io.berth.scheduler.http;

import io.berth.api.model.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected: logged in full under a random id; the caller gets only the id. A store write
 * that lost a compare-and-set is 409 (retry after reading again), an unreachable store 503.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof io.berth.scheduler.store.ConcurrentModificationException) {
      LOG.warn("Refused a write that lost a compare-and-set: {}", e.getMessage());
      return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ErrorBody.of("The app was changed concurrently; read it again and retry.")).build();
    }
    String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
    int status = e instanceof io.berth.scheduler.store.TransientStoreException ? 503 : 500;
    LOG.error("Error handling a request: {}", id, e);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of("There was an error processing your request. It has been logged (ID " + id + ")."))
        .build();
  }
}
