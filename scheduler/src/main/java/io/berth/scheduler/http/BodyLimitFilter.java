package io.berth.scheduler.http;

import io.berth.api.model.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses request bodies over the configured size with 413, whether or not they declare a length. */
@Provider
public final class BodyLimitFilter implements ContainerRequestFilter {

  private final long maxBytes;

  public BodyLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      request.abortWith(tooLarge());
      return;
    }
    request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
  }

  private Response tooLarge() {
    return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of("Request body is larger than the limit of " + maxBytes + " bytes")).build();
  }

  private final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new jakarta.ws.rs.WebApplicationException(tooLarge());
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0 && (left -= n) < 0) {
        throw new jakarta.ws.rs.WebApplicationException(tooLarge());
      }
      return n;
    }
  }
}
