package io.berth.deploy.cli;

import io.berth.api.model.App;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth apps} as a table: one line per app, columns padded to the widest value.
 * <pre>
 * ID         INSTANCES  RUNNING  HEALTHY  VERSION
 * /team/web  3          3        2        2026-11-26T15:00:00.000Z
 * /worker    1          0        -        2026-11-26T14:00:00.000Z
 * </pre>
 * {@code HEALTHY} is {@code -} for an app without health checks.
 */
final class AppTable {

  static final List<String> HEADER = List.of("ID", "INSTANCES", "RUNNING", "HEALTHY", "VERSION");

  private AppTable() {}

  static List<String> render(List<App> apps) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    apps.stream()
        .sorted(java.util.Comparator.comparing(a -> a.id() == null ? "" : a.id()))
        .forEach(a -> rows.add(row(a)));
    return Columns.align(rows);
  }

  static List<String> row(App app) {
    boolean checked = app.healthChecks() != null && !app.healthChecks().isEmpty();
    return List.of(orDash(app.id()), orDash(app.instances()), orDash(app.tasksRunning()),
        checked ? orDash(app.tasksHealthy()) : "-", orDash(app.version()));
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
