package io.berth.deploy.cli;

import io.berth.api.model.App;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Polls an app until it is {@link Readiness#ready() ready}, reporting each change of its state, or
 * gives up after the timeout with exit code 3 and the last state seen. Failures that
 * {@code transientFailure} names (a lost connection, a 5xx while a leader is elected) are reported
 * and polled through; any other failure ends the wait.
 */
final class Waiter {

  private final Ticker ticker;
  private final Duration timeout;
  private final Duration interval;
  private final Function<RuntimeException, Optional<String>> transientFailure;

  Waiter(Ticker ticker, Duration timeout, Duration interval) {
    this(ticker, timeout, interval, e -> Optional.empty());
  }

  Waiter(Ticker ticker, Duration timeout, Duration interval,
      Function<RuntimeException, Optional<String>> transientFailure) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.transientFailure = Objects.requireNonNull(transientFailure, "transientFailure");
  }

  /**
   * Returns the ready app; throws a {@link CliException} with {@link ExitCodes#TIMEOUT} when time runs
   * out. {@code expectedVersion} (nullable) is the version the change answered: older answers are not ready.
   */
  App await(Supplier<App> fetch, String expectedVersion, Consumer<String> progress) {
    long deadline = ticker.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      String state;
      try {
        App app = fetch.get();
        Readiness readiness = Readiness.of(app, expectedVersion);
        if (readiness.ready()) {
          progress.accept("Ready: " + readiness.summary());
          return app;
        }
        state = readiness.summary();
      } catch (RuntimeException e) {
        state = "the app (" + transientFailure.apply(e).orElseThrow(() -> e) + ")";
      }
      if (!state.equals(last)) {
        progress.accept("Waiting: " + state);
        last = state;
      }
      long left = deadline - ticker.nanoTime();
      if (left <= 0) {
        throw new CliException(ExitCodes.TIMEOUT, "Error: timed out after " + timeout.toSeconds()
            + " s waiting for " + state);
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
