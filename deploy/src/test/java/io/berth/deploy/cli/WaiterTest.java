package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.api.client.ApiException;
import io.berth.api.model.App;
import io.berth.api.model.ErrorBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WaiterTest {

  private final FakeTicker ticker = new FakeTicker();
  private final List<String> progress = new ArrayList<>();

  @Test
  void returnsAtOnceWhenTheAppIsAlreadyReady() {
    App ready = running(2, 2);
    assertThat(waiter(Duration.ofSeconds(10)).await(() -> ready, null, progress::add)).isSameAs(ready);
    assertThat(ticker.sleeps).isEmpty();
    assertThat(progress).containsExactly("Ready: /web: 2/2 running");
  }

  @Test
  void pollsUntilReadyReportingOnlyChanges() {
    Supplier<App> states = sequence(running(2, 0), running(2, 0), running(2, 1), running(2, 2));

    waiter(Duration.ofSeconds(10)).await(states, null, progress::add);

    assertThat(ticker.sleeps).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(2)));
    assertThat(progress).containsExactly("Waiting: /web: 0/2 running", "Waiting: /web: 1/2 running",
        "Ready: /web: 2/2 running");
  }

  @Test
  void givesUpAfterTheTimeoutWithExitCode3AndTheLastState() {
    CliException e = catchThrowableOfType(CliException.class,
        () -> waiter(Duration.ofSeconds(5)).await(() -> running(3, 1), null, progress::add));

    assertThat(e.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(e.getMessage()).isEqualTo("Error: timed out after 5 s waiting for /web: 1/3 running");
    assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
  }

  @Test
  void aZeroTimeoutChecksOnce() {
    CliException e = catchThrowableOfType(CliException.class,
        () -> waiter(Duration.ZERO).await(() -> running(1, 0), null, progress::add));
    assertThat(e.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(ticker.sleeps).isEmpty();
  }

  @Test
  void pollsThroughServerErrorsAndLostConnections() {
    Supplier<App> states = new Supplier<>() {
      int call;

      @Override
      public App get() {
        call++;
        if (call == 1) {
          throw new ApiException(503, ErrorBody.of("no leader"));
        }
        return running(1, 1);
      }
    };
    Waiter waiter = new Waiter(ticker, Duration.ofSeconds(10), Duration.ofSeconds(2), DeploymentOptions::transientFailure);

    waiter.await(states, null, progress::add);

    assertThat(progress).containsExactly("Waiting: the app (HTTP 503: no leader)", "Ready: /web: 1/1 running");
  }

  @Test
  void aClientErrorEndsTheWait() {
    ApiException gone = new ApiException(404, ErrorBody.of("App '/web' does not exist"));
    Waiter waiter = new Waiter(ticker, Duration.ofSeconds(10), Duration.ofSeconds(2), DeploymentOptions::transientFailure);
    assertThat(catchThrowableOfType(ApiException.class, () -> waiter.await(() -> {
      throw gone;
    }, null, progress::add))).isSameAs(gone);
  }

  @Test
  void timesOutOnAServerThatKeepsFailing() {
    Waiter waiter = new Waiter(ticker, Duration.ofSeconds(3), Duration.ofSeconds(2), DeploymentOptions::transientFailure);
    CliException e = catchThrowableOfType(CliException.class, () -> waiter.await(() -> {
      throw new ApiException(502, ErrorBody.of("bad gateway"));
    }, null, progress::add));
    assertThat(e.getMessage()).isEqualTo("Error: timed out after 3 s waiting for the app (HTTP 502: bad gateway)");
    assertThat(progress).hasSize(1);
  }

  private Waiter waiter(Duration timeout) {
    return new Waiter(ticker, timeout, Duration.ofSeconds(2));
  }

  private static App running(int instances, int running) {
    return App.builder().id("/web").instances(instances).tasksRunning(running).build();
  }

  @SafeVarargs
  private static <T> Supplier<T> sequence(T... values) {
    Iterator<T> it = List.of(values).iterator();
    return it::next;
  }
}
