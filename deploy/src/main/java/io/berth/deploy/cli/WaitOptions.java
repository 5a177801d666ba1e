package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait}, {@code --timeout}: shared by the commands that start a deployment. */
final class WaitOptions {

  @Option(names = "--wait", description = "Wait until every instance runs (and is healthy, with health checks) "
      + "and no deployment is left; exit 3 after --timeout.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long --wait waits (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Option(names = "--poll-interval", paramLabel = "MILLIS", defaultValue = "2000", hidden = true,
      description = "Pause between polls while waiting (default: ${DEFAULT-VALUE} ms).")
  long pollMillis;

  /** Waits for {@code appId} when {@code --wait} was given; otherwise returns at once. */
  void awaitIfAsked(BerthClient client, String appId, Ticker ticker, PrintWriter out) {
    if (!wait) {
      return;
    }
    if (timeoutSeconds < 0 || pollMillis <= 0) {
      throw CliException.usage("--timeout must be >= 0 and --poll-interval > 0");
    }
    new Waiter(ticker, Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(pollMillis))
        .await(() -> client.app(appId).app(), line -> {
          out.println(line);
          out.flush();
        });
  }
}
