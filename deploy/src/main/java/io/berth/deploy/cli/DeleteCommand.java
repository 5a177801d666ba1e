package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth delete ID}: destroys the app and its tasks. */
@Command(name = "delete", description = "Delete an app and kill its tasks.")
final class DeleteCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", converter = AppIdConverter.class, description = "App id.")
  String appId;

  @Option(names = "--force", description = "Override a running deployment of the app.")
  boolean force;

  @Override
  int run(BerthClient client, PrintWriter out) {
    DeploymentReport.lines(appId, client.deleteApp(appId, force)).forEach(out::println);
    return ExitCodes.OK;
  }
}
