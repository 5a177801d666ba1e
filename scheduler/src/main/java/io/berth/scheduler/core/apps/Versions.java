package io.berth.scheduler.core.apps;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * App versions are ISO-8601 instants with milliseconds, as Marathon's ({@code 2014-03-01T23:42:20.938Z}).
 * A new version is strictly later than the one it replaces, even when the clock stands still or
 * steps back, so stored versions sort in the order they were made.
 */
public final class Versions {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  private Versions() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  public static Instant parse(String version) {
    return Instant.parse(version);
  }

  /** The version for a change made at {@code now} to an app last at {@code previous} (null: new app). */
  public static String next(Instant now, String previous) {
    Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
    if (previous != null) {
      Instant last = parse(previous);
      if (!candidate.isAfter(last)) {
        candidate = last.plusMillis(1);
      }
    }
    return format(candidate);
  }

  /** True when {@code text} is a version this scheduler could have written. */
  public static boolean isValid(String text) {
    try {
      return format(parse(text)).equals(text);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
