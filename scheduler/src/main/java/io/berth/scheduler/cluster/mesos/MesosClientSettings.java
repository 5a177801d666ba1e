package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How {@link MesosClient} talks to the masters. Defaults follow the Mesos scheduler HTTP API
 * guide: 75 s per call, resubscribe back-off 1 s doubling to 15 s, disconnect after 5 missed
 * heartbeats. Basic auth is used only when both {@code principal} and {@code secret} are set.
 */
public record MesosClientSettings(
    Encoding encoding,
    Duration connectTimeout,
    Duration callTimeout,
    Duration backoffMin,
    Duration backoffMax,
    int missedHeartbeats,
    String principal,
    String secret) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(75);
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofSeconds(1);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(15);
  public static final int DEFAULT_MISSED_HEARTBEATS = 5;

  public MesosClientSettings {
    requireNonNull(encoding, "encoding");
    positive(connectTimeout, "connectTimeout");
    positive(callTimeout, "callTimeout");
    positive(backoffMin, "backoffMin");
    positive(backoffMax, "backoffMax");
    if (backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException(
          "backoffMax (" + backoffMax + ") must not be below backoffMin (" + backoffMin + ")");
    }
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("missedHeartbeats must be at least 1, was " + missedHeartbeats);
    }
  }

  public static MesosClientSettings defaults(Encoding encoding) {
    return new MesosClientSettings(encoding, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT,
        DEFAULT_BACKOFF_MIN, DEFAULT_BACKOFF_MAX, DEFAULT_MISSED_HEARTBEATS, null, null);
  }

  public MesosClientSettings withBackoff(Duration min, Duration max) {
    return new MesosClientSettings(encoding, connectTimeout, callTimeout, min, max, missedHeartbeats,
        principal, secret);
  }

  public MesosClientSettings withCallTimeout(Duration timeout) {
    return new MesosClientSettings(encoding, connectTimeout, timeout, backoffMin, backoffMax,
        missedHeartbeats, principal, secret);
  }

  public MesosClientSettings withMissedHeartbeats(int missed) {
    return new MesosClientSettings(encoding, connectTimeout, callTimeout, backoffMin, backoffMax, missed,
        principal, secret);
  }

  public MesosClientSettings withCredentials(String principal, String secret) {
    return new MesosClientSettings(encoding, connectTimeout, callTimeout, backoffMin, backoffMax,
        missedHeartbeats, principal, secret);
  }

  /** The {@code Authorization} header value: basic auth when both principal and secret are set. */
  public Optional<String> authorization() {
    if (principal == null || principal.isEmpty() || secret == null) {
      return Optional.empty();
    }
    byte[] pair = (principal + ":" + secret).getBytes(StandardCharsets.UTF_8);
    return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "MesosClientSettings[encoding=" + encoding + ", connectTimeout=" + connectTimeout
        + ", callTimeout=" + callTimeout + ", backoff=" + backoffMin + ".." + backoffMax
        + ", missedHeartbeats=" + missedHeartbeats + ", principal=" + principal
        + ", secret=" + (secret == null ? "none" : "***") + "]";
  }

  private static void positive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
