package io.berth.deploy.cli;

import io.berth.api.model.DeploymentResult;

import feign.FeignException;
import io.berth.api.client.ApiException;
import io.berth.api.client.BerthClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to the server. Turns what can go wrong into the documented exit codes:
 * a refused request is 1 (message and details on stderr), a {@link CliException} its own code, a
 * connection failure 4.
 */
abstract class ApiCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Does the work with an open client; writes results to {@code out}, returns the exit code. */
  abstract int run(BerthClient client, PrintWriter out);

  @Override
  public final Integer call() {
    BerthCli root = root();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Connection connection = root.connection();
      try {
        return run(root.clients().open(connection), out);
      } catch (ApiException e) {
        Failures.describe(e).forEach(err::println);
        return ExitCodes.REFUSED;
      } catch (FeignException e) {
        IOException io = Failures.ioCause(e);
        if (io != null) {
          err.println(Failures.unreachable(connection.url(), io));
          return ExitCodes.UNREACHABLE;
        }
        err.println("Error: unexpected answer from " + connection.url() + ": " + e.getMessage());
        return ExitCodes.REFUSED;
      }
    } catch (CliException e) {
      err.println(e.exitCode() == ExitCodes.USAGE ? "berth: " + e.getMessage() : e.getMessage());
      return e.exitCode();
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The root command: its ticker and connection settings. */
  BerthCli root() {
    return (BerthCli) spec.root().userObject();
  }

  /** Prints the deployment the API answered and, with {@code --wait}, follows it until the app is ready. */
  int reportAndWait(BerthClient client, String appId, DeploymentResult result, DeploymentOptions deployment,
                    PrintWriter out) {
    DeploymentReport.lines(appId, result).forEach(out::println);
    out.flush();
    deployment.awaitIfAsked(client, appId, result == null ? null : result.version(), root().ticker(), out);
    return ExitCodes.OK;
  }
}
