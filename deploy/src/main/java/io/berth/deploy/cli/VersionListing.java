package io.berth.deploy.cli;

import java.util.ArrayList;
import java.util.List;

/** {@code berth app versions}: stored versions newest first, the running one marked {@code (current)}. */
final class VersionListing {

  private VersionListing() {}

  static List<String> render(List<String> versions, String current) {
    List<String> lines = new ArrayList<>(versions.size());
    for (String v : versions) {
      lines.add(v.equals(current) ? v + "  (current)" : v);
    }
    return lines;
  }
}
