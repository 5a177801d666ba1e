package io.berth.executor.docker;

/** The daemon could not be reached or timed out: the same call may well succeed if retried. */
public class TransientContainerRuntimeException extends ContainerRuntimeException {

  public TransientContainerRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
