package io.berth.executor.mesos;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Mesos (stout) duration strings: a decimal number and one of {@code ns}, {@code us},
 * {@code ms}, {@code secs}, {@code mins}, {@code hrs}, {@code days}, {@code weeks}, e.g.
 * {@code 15mins}, {@code 1.5secs}.
 */
final class MesosDuration {

  private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-z]+)");
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "ms", 1_000_000L,
      "secs", 1_000_000_000L,
      "mins", 60_000_000_000L,
      "hrs", 3_600_000_000_000L,
      "days", 86_400_000_000_000L,
      "weeks", 604_800_000_000_000L);

  private MesosDuration() {}

  static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches() || !NANOS_PER_UNIT.containsKey(m.group(2))) {
      throw new IllegalArgumentException("'" + text + "' is not a Mesos duration (a number and one of "
          + "ns, us, ms, secs, mins, hrs, days, weeks, e.g. 5secs)");
    }
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2))));
    return Duration.ofNanos(nanos.longValue());
  }
}
