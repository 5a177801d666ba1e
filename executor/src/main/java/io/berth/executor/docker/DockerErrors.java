package io.berth.executor.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** Runs one docker-java call and turns what it throws into our exception family. */
final class DockerErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerErrors() {}

  static final int ATTEMPTS = 3;
  static final long FIRST_BACKOFF_MILLIS = 200;

  /**
   * Like {@link #call}, retried on transient failures (up to {@value #ATTEMPTS} attempts, backoff
   * doubling from {@value #FIRST_BACKOFF_MILLIS} ms). Only for calls that are safe to repeat.
   */
  static <T> T retrying(String what, Callable<T> call) {
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; ; attempt++) {
      try {
        return call(what, call);
      } catch (TransientContainerRuntimeException e) {
        if (attempt >= ATTEMPTS || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(backoff * 1_000_000L);
        backoff *= 2;
      }
    }
  }

  static <T> T call(String what, Callable<T> call) {
    try {
      return call.call();
    } catch (NotModifiedException alreadyThere) {
      return null;
    } catch (NotFoundException e) {
      throw new NotFoundRuntimeException(daemonMessage(e), e);
    } catch (DockerException e) {
      if (e.getHttpStatus() == 503) {
        throw new TransientContainerRuntimeException(daemonMessage(e), e);
      }
      throw new ContainerRuntimeException(daemonMessage(e), e);
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (DockerClientException e) {
      throw new ContainerRuntimeException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientContainerRuntimeException(what + " interrupted", e);
    } catch (Exception e) {
      if (isIo(e)) {
        throw new TransientContainerRuntimeException(what + " failed: cannot reach the Docker daemon: " + e, e);
      }
      throw new ContainerRuntimeException(what + " failed: " + e, e);
    }
  }

  /** The daemon's {@code {"message": ...}} from docker-java's {@code Status 500: {...}} text. */
  static String daemonMessage(DockerException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int brace = m.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode node = JSON.readTree(m.substring(brace));
        if (node.hasNonNull("message")) {
          return node.get("message").asText();
        }
      } catch (IOException notJson) {
        // fall through: keep docker-java's text
      }
    }
    return m.replaceFirst("^Status \\d+: ", "").trim();
  }

  private static boolean isIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }
}
