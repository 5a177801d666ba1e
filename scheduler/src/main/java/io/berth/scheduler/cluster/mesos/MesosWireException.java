package io.berth.scheduler.cluster.mesos;

/**
 * Bytes from or for Mesos that do not make a valid message: a broken RecordIO frame, a record that
 * does not parse, a message missing required fields. Not transient: retrying the same bytes fails
 * the same way; the stream it came from must be dropped.
 */
public class MesosWireException extends MesosCallException {
  private static final long serialVersionUID = 1L;

  public MesosWireException(String message) {
    super(message);
  }

  public MesosWireException(String message, Throwable cause) {
    super(message, cause);
  }
}
