package io.berth.scheduler.cluster.local;

import static org.awaitility.Awaitility.await;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.pod.PodRunner;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** A driver on a {@link FakeDocker} of 2 cpus, 1024 MB, 10240 MB disk and ports 31000-31009. */
abstract class DriverTestBase {

  static final Duration SETTLE = Duration.ofMillis(20);
  static final LocalClusterConfig MACHINE =
      LocalClusterConfig.of(2, 1024, 10240, 31000, 31009, "node-1").withOfferInterval(SETTLE);

  final FakeDocker docker = new FakeDocker();
  final RecordingEvents events = new RecordingEvents();
  LocalClusterDriver driver;

  @AfterEach
  void stopDriver() {
    if (driver != null) {
      driver.stop();
    }
  }

  void start() {
    start(MACHINE);
  }

  void start(LocalClusterConfig config) {
    driver = new LocalClusterDriver(config, docker,
        (runtime, listener) -> new PodRunner(runtime, listener, Clock.systemUTC(), Duration.ofMillis(20),
            Duration.ofSeconds(1)));
    driver.start(events);
  }

  /** Starts the driver and returns its first offer. */
  Offer startAndAwaitOffer() {
    start();
    return events.awaitOffer(1);
  }

  /** Launches on {@code offer} and waits until the task runs. */
  void launchRunning(Offer offer, TaskPayload task) {
    driver.launch(offer.id(), Launches.one(task));
    events.awaitState(task.taskId(), InstanceState.RUNNING);
  }

  /** Waits for a newer offer than {@code before}. */
  Offer awaitOfferAfter(Offer before) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.lastOffer().id().equals(before.id()));
    return events.lastOffer();
  }
}
