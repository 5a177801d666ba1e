package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import io.berth.api.model.App;
import io.berth.api.model.DeploymentResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth rollback ID [--to VERSION]}: puts a stored version's definition back
 * ({@code PUT /v2/apps/{id}?partialUpdate=false}). Without {@code --to}, the newest older version
 * whose definition differs from the running one. The restored definition gets a new version.
 */
@Command(name = "rollback", description = "Restore the previous (or the given) stored version of an app.")
final class RollbackCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", converter = AppIdConverter.class, description = "App id.")
  String appId;

  @Option(names = "--to", paramLabel = "VERSION", description = "The version to restore (see 'berth app versions').")
  String version;

  @Mixin
  DeploymentOptions deployment;

  @Override
  int run(BerthClient client, PrintWriter out) {
    App current = client.app(appId).app();
    App target = version != null ? client.appVersion(appId, version) : previous(client, current);
    App definition = RollbackTarget.definition(target).toBuilder().id(current.id()).build();
    out.println("rolledBackTo: " + target.version());
    DeploymentResult result = client.updateApp(current.id(), definition, deployment.force, false);
    return reportAndWait(client, current.id(), result, deployment, out);
  }

  private static App previous(BerthClient client, App current) {
    for (String v : RollbackTarget.olderThan(client.appVersions(current.id()).versions(), current.version())) {
      App candidate = client.appVersion(current.id(), v);
      if (!RollbackTarget.sameDefinition(candidate, current)) {
        return candidate.version() == null ? candidate.withVersion(v, null) : candidate;
      }
    }
    throw CliException.refused("Error: " + current.id() + " has no earlier version with a different definition"
        + " to roll back to (see 'berth app versions " + current.id() + "')");
  }
}
