package io.berth.deploy.cli;

import io.berth.api.model.App;
import java.util.List;
import java.util.Objects;

/**
 * Which stored version {@code berth rollback} restores. Pure: the command fetches candidates in the
 * order given here and takes the first whose definition differs from the running one, so that a
 * rollback after a {@code restart} (same definition, new version) still goes back a real step.
 */
final class RollbackTarget {

  private RollbackTarget() {}

  /**
   * The versions older than {@code current}, newest first. {@code versions} comes from the server
   * newest first; versions are ISO-8601 instants, which sort as text.
   */
  static List<String> olderThan(List<String> versions, String current) {
    return versions.stream()
        .filter(v -> current == null || v.compareTo(current) < 0)
        .sorted(java.util.Comparator.reverseOrder())
        .toList();
  }

  /** True when two definitions differ only in version stamps and server-computed status. */
  static boolean sameDefinition(App a, App b) {
    return Objects.equals(definition(a), definition(b));
  }

  /** What is sent back: the stored definition without its version stamps and status. */
  static App definition(App app) {
    return app.withoutStatus().withVersion(null, null);
  }
}
