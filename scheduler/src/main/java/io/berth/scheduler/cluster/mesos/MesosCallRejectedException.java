package io.berth.scheduler.cluster.mesos;

/**
 * The master answered a call with an HTTP status other than 200 or 202: the status and the body
 * (Mesos explains itself there, e.g. {@code Framework is not subscribed}).
 */
public class MesosCallRejectedException extends MesosCallException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  public MesosCallRejectedException(String call, int status, String body) {
    super(call + " rejected with HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip()));
    this.status = status;
    this.body = body == null ? "" : body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  /** 307 (not the leader any more) or 403 (not subscribed): the subscription is no longer valid. */
  public boolean subscriptionLost() {
    return status == 307 || status == 403;
  }
}
