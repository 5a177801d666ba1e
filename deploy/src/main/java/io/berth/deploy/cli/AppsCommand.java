package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth apps}: every app with its instances, tasks running and healthy, and version. */
@Command(name = "apps", description = "List apps: id, instances, tasks running/healthy, version.")
final class AppsCommand extends ApiCommand {

  @Option(names = "--id", paramLabel = "TEXT", description = "Only apps whose id contains TEXT.")
  String id;

  @Option(names = "--label", paramLabel = "SELECTOR", description = "Only apps matching a label selector, e.g. role==web.")
  String label;

  @Override
  int run(BerthClient client, PrintWriter out) {
    AppTable.render(client.apps(null, id, label).apps()).forEach(out::println);
    return ExitCodes.OK;
  }
}
