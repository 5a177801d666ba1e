package io.berth.executor.mesos;

/** A call to the agent's executor API that did not get the answer it needs. */
public class MesosCallException extends RuntimeException {

  public MesosCallException(String message) {
    super(message);
  }

  public MesosCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
