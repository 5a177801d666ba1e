package io.berth.deploy.cli;

import java.time.Duration;

/** Time for {@code --wait}: a monotonic clock and a pause. Tests use a fake that only pretends to sleep. */
interface Ticker {

  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  };
}
