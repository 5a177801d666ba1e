package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth app versions ID}: the stored versions, newest first; {@code rollback --to} takes one of them. */
@Command(name = "versions", description = "List an app's stored versions, newest first.")
final class AppVersionsCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", converter = AppIdConverter.class, description = "App id.")
  String appId;

  @Override
  int run(BerthClient client, PrintWriter out) {
    String current = client.app(appId).app().version();
    VersionListing.render(client.appVersions(appId).versions(), current).forEach(out::println);
    return ExitCodes.OK;
  }
}
