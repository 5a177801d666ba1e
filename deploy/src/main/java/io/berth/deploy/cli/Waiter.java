package io.berth.deploy.cli;

import io.berth.api.model.App;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls an app until it is {@link Readiness#ready() ready}, reporting each change of its state, or
 * gives up after the timeout with exit code 3 and the last state seen.
 */
final class Waiter {

  private final Ticker ticker;
  private final Duration timeout;
  private final Duration interval;

  Waiter(Ticker ticker, Duration timeout, Duration interval) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** Returns the ready app; throws a {@link CliException} with {@link ExitCodes#TIMEOUT} when time runs out. */
  App await(Supplier<App> fetch, Consumer<String> progress) {
    long deadline = ticker.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      App app = fetch.get();
      Readiness readiness = Readiness.of(app);
      if (readiness.ready()) {
        progress.accept("Ready: " + readiness.summary());
        return app;
      }
      if (!readiness.summary().equals(last)) {
        progress.accept("Waiting: " + readiness.summary());
        last = readiness.summary();
      }
      long left = deadline - ticker.nanoTime();
      if (left <= 0) {
        throw new CliException(ExitCodes.TIMEOUT, "Error: timed out after " + timeout.toSeconds()
            + " s waiting for " + readiness.summary());
      }
      pause(Duration.ofNanos(Math.min(left, interval.toNanos())));
    }
  }

  private void pause(Duration d) {
    try {
      ticker.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.TIMEOUT, "Error: interrupted while waiting");
    }
  }
}
