package io.berth.executor.health;

/**
 * The outcome of one probe: healthy, failed (with a cause), or ignored (an HTTP 1xx answer when
 * {@code ignoreHttp1xx} is set: neither a success nor a failure).
 */
public record ProbeResult(Outcome outcome, String cause) {

  public enum Outcome { HEALTHY, FAILED, IGNORED }

  public static ProbeResult healthy() {
    return new ProbeResult(Outcome.HEALTHY, null);
  }

  public static ProbeResult failed(String cause) {
    return new ProbeResult(Outcome.FAILED, cause);
  }

  public static ProbeResult ignored(String why) {
    return new ProbeResult(Outcome.IGNORED, why);
  }

  /** Marathon's HTTP rule: 2xx and 3xx are healthy; 1xx fails unless ignored; the rest fail. */
  public static ProbeResult ofHttpStatus(int status, boolean ignoreHttp1xx) {
    if (status >= 200 && status < 400) {
      return healthy();
    }
    if (status >= 100 && status < 200 && ignoreHttp1xx) {
      return ignored("HTTP " + status + " ignored");
    }
    return failed("HTTP status " + status);
  }
}
