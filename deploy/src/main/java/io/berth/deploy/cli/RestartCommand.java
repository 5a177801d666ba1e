package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import io.berth.api.model.DeploymentResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code berth restart ID}: replaces every task, rolling as the app's upgrade strategy says. */
@Command(name = "restart", description = "Restart every task of an app.")
final class RestartCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", converter = AppIdConverter.class, description = "App id.")
  String appId;

  @Mixin
  DeploymentOptions deployment;

  @Override
  int run(BerthClient client, PrintWriter out) {
    DeploymentResult result = client.restartApp(appId, deployment.force);
    return reportAndWait(client, appId, result, deployment, out);
  }
}
