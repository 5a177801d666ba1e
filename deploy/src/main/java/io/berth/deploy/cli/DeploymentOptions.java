package io.berth.deploy.cli;

import feign.FeignException;
import io.berth.api.client.ApiException;
import io.berth.api.client.BerthClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --force}, {@code --wait}, {@code --timeout}: shared by the commands that start a deployment. */
final class DeploymentOptions {

  @Option(names = "--force", description = "Override a running deployment of the app.")
  boolean force;

  @Option(names = "--wait", description = "Wait until every instance runs (and is healthy, with health checks) "
      + "and no deployment is left; exit 3 after --timeout.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long --wait waits (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Option(names = "--poll-interval", paramLabel = "MILLIS", defaultValue = "2000", hidden = true,
      description = "Pause between polls while waiting (default: ${DEFAULT-VALUE} ms).")
  long pollMillis;

  /**
   * Waits for {@code appId} when {@code --wait} was given; otherwise returns at once.
   * {@code version} (nullable) is the version the change answered.
   */
  void awaitIfAsked(BerthClient client, String appId, String version, Ticker ticker, PrintWriter out) {
    if (!wait) {
      return;
    }
    if (timeoutSeconds < 0 || pollMillis <= 0) {
      throw CliException.usage("--timeout must be >= 0 and --poll-interval > 0");
    }
    new Waiter(ticker, Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(pollMillis), DeploymentOptions::transientFailure)
        .await(() -> client.app(appId).app(), version, line -> {
          out.println(line);
          out.flush();
        });
  }

  /** A lost connection or a server error is worth polling through; a 4xx (say, the app was deleted) is not. */
  static Optional<String> transientFailure(RuntimeException e) {
    if (e instanceof ApiException api && api.status() >= 500) {
      return Optional.of(Failures.describe(api).get(0).replaceFirst("^Error: ", ""));
    }
    if (e instanceof FeignException) {
      IOException io = Failures.ioCause(e);
      if (io != null) {
        return Optional.of("no answer: " + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()));
      }
    }
    return Optional.empty();
  }
}
