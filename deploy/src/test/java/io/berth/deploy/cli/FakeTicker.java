package io.berth.deploy.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that passes only when someone sleeps; remembers every pause. */
final class FakeTicker implements Ticker {

  private long now = 1_000_000_000L;
  final List<Duration> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now += duration.toNanos();
  }
}
