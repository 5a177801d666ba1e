package io.berth.scheduler.cluster.local;

import static io.berth.scheduler.cluster.local.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Launches, kills and exits racing on the workers: one end per task, and every resource comes back. */
class LocalClusterConcurrencyTest extends DriverTestBase {

  @Test
  void everyTaskEndsOnceAndTheMachineIsWholeAgain() {
    Offer offer = startAndAwaitOffer();
    List<String> launched = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      List<Integer> free = offer.resources().get(0).ports().stream()
          .flatMap(r -> IntStream.rangeClosed(r.begin(), r.end()).boxed()).toList();
      for (int i = 0; i < 3; i++) {
        String taskId = "web." + round + "." + i;
        driver.launch(offer.id(), Launches.one(aTask(taskId).cpus(0.2).mem(64).ports(free.get(i)).build()));
        launched.add(taskId);
      }
      driver.kill("web." + round + ".0", "local-node-1", Duration.ZERO);
      events.awaitState("web." + round + ".1", InstanceState.RUNNING);
      docker.exitApp("web." + round + ".1", 1);
      driver.kill("web." + round + ".2", "local-node-1", Duration.ZERO);
      offer = awaitOfferAfter(offer);
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> launched.stream().allMatch(this::ended));
    for (String taskId : launched) {
      assertThat(events.of(taskId).stream().filter(s -> s.state().isTerminal()).map(TaskStatus::state).toList())
          .as("ends of %s", taskId).hasSize(1);
      assertThat(docker.containersOf(taskId)).isZero();
    }
    await().atMost(Duration.ofSeconds(10)).until(() ->
        events.lastOffer().resources().get(0).scalars().equals(new Resources(2, 1024, 10240, 0)));
    assertThat(events.lastOffer().resources().get(0).ports()).containsExactly(PortRange.of(31000, 31009));
  }

  private boolean ended(String taskId) {
    return events.of(taskId).stream().anyMatch(s -> s.state().isTerminal());
  }
}
