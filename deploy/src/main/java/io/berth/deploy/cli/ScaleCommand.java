package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import io.berth.api.model.App;
import io.berth.api.model.DeploymentResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth scale ID N}: sets {@code instances} and nothing else ({@code PUT} with a partial update).
 * The app must exist: a {@code PUT} to an unknown id would create an app.
 */
@Command(name = "scale", description = "Set an app's number of instances.")
final class ScaleCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", converter = AppIdConverter.class, description = "App id.")
  String appId;

  @Parameters(index = "1", paramLabel = "N", description = "Instances (0 suspends the app).")
  int instances;

  @Mixin
  DeploymentOptions deployment;

  @Override
  int run(BerthClient client, PrintWriter out) {
    if (instances < 0) {
      throw CliException.usage("N must be 0 or more, not " + instances);
    }
    String id = client.app(appId).app().id(); // 404 for an unknown app: a PUT would create one
    DeploymentResult result = client.updateApp(id, App.builder().instances(instances).build(), deployment.force, true);
    return reportAndWait(client, id, result, deployment, out);
  }
}
