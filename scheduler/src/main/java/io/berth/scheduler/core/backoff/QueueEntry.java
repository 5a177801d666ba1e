package io.berth.scheduler.core.backoff;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One line of {@code GET /v2/queue}: {@code count} instances of the app wait to be launched, the
 * oldest since {@code since}; {@code timeLeftSeconds} of launch delay remain; {@code overdue} when
 * the delay is over and they only wait for a fitting offer.
 */
public record QueueEntry(String appId, String appVersion, int count, Instant since,
                         long timeLeftSeconds, boolean overdue) {

  public QueueEntry {
    requireNonNull(appId, "appId");
    requireNonNull(appVersion, "appVersion");
    requireNonNull(since, "since");
    if (count <= 0) {
      throw new IllegalArgumentException("a queue entry needs a waiting instance");
    }
  }
}
