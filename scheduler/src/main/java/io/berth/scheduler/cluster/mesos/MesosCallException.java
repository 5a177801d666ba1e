package io.berth.scheduler.cluster.mesos;

/**
 * Something went wrong talking to Mesos: the edge's one unchecked exception family. Library
 * exceptions (protobuf, HTTP) are wrapped into it at the adapter.
 */
public class MesosCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MesosCallException(String message) {
    super(message);
  }

  public MesosCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
