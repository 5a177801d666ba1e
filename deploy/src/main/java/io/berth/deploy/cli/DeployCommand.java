package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import io.berth.api.model.App;
import io.berth.api.model.DeploymentResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code berth deploy -f app.json}: creates the app or replaces its definition with the file's
 * ({@code PUT /v2/apps/{id}?partialUpdate=false}): fields the file leaves out take their defaults.
 */
@Command(name = "deploy", description = "Create or update an app from a JSON definition (PUT /v2/apps/{id}).")
final class DeployCommand extends ApiCommand {

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The app definition (JSON).")
  Path file;

  @Mixin
  DeploymentOptions deployment;

  @Override
  int run(BerthClient client, PrintWriter out) {
    App app = AppFile.read(file);
    String id = app.id();
    DeploymentResult result = client.updateApp(id, app, deployment.force, false);
    return reportAndWait(client, id, result, deployment, out);
  }
}
