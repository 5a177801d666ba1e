package io.berth.scheduler.core.backoff;

import static io.berth.scheduler.core.instances.InstanceBuilder.T0;
import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchQueueTest {

  private static final Instant NOW = T0.plusSeconds(100);
  private final Instance webWaiting = anInstance().ofApp("/web").scheduled().changedAt(T0.plusSeconds(10)).build();
  private final Instance webOlder = anInstance().ofApp("/web").scheduled().changedAt(T0).build();
  private final Instance webRunning = anInstance().ofApp("/web").running().build();
  private final Instance dbWaiting = anInstance().ofApp("/db").scheduled().changedAt(T0.plusSeconds(50)).build();
  private final List<Instance> all = List.of(webWaiting, webRunning, dbWaiting, webOlder);
  private final LaunchDelay dbDelayed = new LaunchDelay("/db", 2, NOW.minusSeconds(1), NOW.plusSeconds(30));

  @Test
  void listsEachAppWithItsWaitingInstancesAndDelay() {
    List<QueueEntry> queue = LaunchQueue.view(all, Map.of("/db", dbDelayed), NOW);

    assertThat(queue).containsExactly(
        new QueueEntry("/db", dbWaiting.appVersion(), 1, T0.plusSeconds(50), 30, false),
        new QueueEntry("/web", webWaiting.appVersion(), 2, T0, 0, true));
  }

  @Test
  void onlyInstancesOfAppsNotDelayedMayBeLaunchedOldestFirst() {
    assertThat(LaunchQueue.launchable(all, Map.of("/db", dbDelayed), NOW)).containsExactly(webOlder, webWaiting);
    assertThat(LaunchQueue.launchable(all, Map.of("/db", dbDelayed), NOW.plus(Duration.ofSeconds(30))))
        .containsExactly(webOlder, webWaiting, dbWaiting);
  }

  @Test
  void anEmptyQueueWhenNothingWaits() {
    assertThat(LaunchQueue.view(List.of(webRunning), Map.of(), NOW)).isEmpty();
  }
}
