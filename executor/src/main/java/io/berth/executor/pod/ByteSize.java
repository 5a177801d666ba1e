package io.berth.executor.pod;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker's size notation ({@code 512}, {@code 64k}, {@code 1g}, {@code -1}) in bytes; binary units. */
final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(-1|\\d+)\\s*([bkmg]?)b?");

  private ByteSize() {}

  static long parse(String what, String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidPodException("docker parameter " + what + " must be a size like 64m or 1g: " + value);
    }
    long n = Long.parseLong(m.group(1));
    if (n < 0) {
      return -1;
    }
    return switch (m.group(2)) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }
}
