package io.berth.executor.docker;

/**
 * A container runtime call failed. The message is the daemon's own words where there are any
 * (a pull error, a rejected log option), so it can reach the user as the task's failure message.
 */
public class ContainerRuntimeException extends RuntimeException {

  public ContainerRuntimeException(String message) {
    super(message);
  }

  public ContainerRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
