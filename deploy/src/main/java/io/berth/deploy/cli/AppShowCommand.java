package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth app show ID}: the app's definition and status, as pretty JSON. */
@Command(name = "show", description = "Print an app (definition and status) as JSON.")
final class AppShowCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", converter = AppIdConverter.class, description = "App id, e.g. /team/web.")
  String appId;

  @Override
  int run(BerthClient client, PrintWriter out) {
    out.println(Json.pretty(client.app(appId).app()));
    return ExitCodes.OK;
  }
}
