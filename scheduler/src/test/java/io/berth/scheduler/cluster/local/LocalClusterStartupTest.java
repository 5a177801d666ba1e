package io.berth.scheduler.cluster.local;

import static io.berth.scheduler.cluster.local.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalClusterStartupTest extends DriverTestBase {

  private static ObservedTask observed(String taskId, InstanceState state, String message) {
    return new ObservedTask(taskId, "local-node-1", state, null, message);
  }

  @Nested
  class PodsFoundAtStart {

    @Test
    void areReportedByOnConnectedWithTheirStates() {
      docker.plant("web.run", "app", "running", null);
      docker.plant("web.run", "fluentd", "running", null);
      docker.plant("web.crash", "app", "exited", 137);
      docker.plant("web.done", "app", "exited", 0);
      docker.plant("web.half", "fluentd", "running", null);
      docker.plant("web.new", "app", "created", null);
      start();
      assertThat(events.awaitConnected()).containsExactlyInAnyOrder(
          observed("web.run", InstanceState.RUNNING, PodScan.FOUND_RUNNING),
          observed("web.crash", InstanceState.FAILED, "the app exited with code 137"),
          observed("web.done", InstanceState.FINISHED, "the app exited with code 0"),
          observed("web.half", InstanceState.FAILED,
              "an incomplete pod without an app container (a launch or teardown was cut short)"),
          observed("web.new", InstanceState.FAILED,
              "the launch was cut short: the app container was created but never started"));
    }

    @Test
    void thatEndedAreRemovedAfterTheyWereReported() {
      docker.plant("web.crash", "app", "exited", 1);
      docker.plant("web.crash", "fluentd", "running", null);
      docker.plant("web.run", "app", "running", null);
      start();
      events.awaitConnected();
      await().atMost(Duration.ofSeconds(5)).until(() -> docker.containersOf("web.crash") == 0);
      assertThat(docker.containersOf("web.run")).isEqualTo(1);
    }

    @Test
    void thatEndedAreAnsweredWithTheirEndOnReconciliation() {
      docker.plant("web.crash", "app", "exited", 1);
      start();
      events.awaitConnected();
      driver.reconcile(List.of());
      driver.reconcile(List.of(new io.berth.scheduler.cluster.ClusterDriver.TaskRef("web.crash", null)));
      await().atMost(Duration.ofSeconds(5)).until(() -> !events.of("web.crash").isEmpty());
      assertThat(events.of("web.crash").get(0).state()).isEqualTo(InstanceState.FAILED);
      assertThat(events.of("web.crash").get(0).fromReconciliation()).isTrue();
    }
  }

  @Nested
  class Adoption {

    @Test
    void offersWaitUntilEveryRunningPodIsAdoptedAndThenCountIt() {
      docker.plant("web.1", "app", "running", null);
      docker.plant("web.1", "fluentd", "running", null);
      start();
      events.awaitConnected();
      await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> true);
      assertThat(events.offers).isEmpty();
      driver.adopt(aTask("web.1").cpus(0.5).mem(256).ports(31000).fluentdOn(31001).build());
      Offer offer = events.awaitOffer(1);
      assertThat(offer.resources().get(0).scalars()).isEqualTo(new Resources(1.5, 768, 10240, 0));
      assertThat(offer.resources().get(0).ports()).containsExactly(PortRange.of(31002, 31009));
    }

    @Test
    void anAdoptedPodIsWatchedAgain() {
      docker.plant("web.1", "app", "running", null);
      start();
      events.awaitConnected();
      driver.adopt(aTask("web.1").build());
      events.awaitOffer(1);
      docker.exitApp("web.1", 2);
      assertThat(events.awaitState("web.1", InstanceState.FAILED).message()).isEqualTo("the app exited with code 2");
      await().atMost(Duration.ofSeconds(5)).until(() -> docker.containersOf("web.1") == 0);
    }

    @Test
    void aPodThatEndedBeforeItWasAdoptedIsReportedAndRemoved() {
      docker.plant("web.1", "app", "running", null);
      start();
      events.awaitConnected();
      docker.exitApp("web.1", 4);
      driver.adopt(aTask("web.1").build());
      assertThat(events.awaitState("web.1", InstanceState.FAILED).message()).isEqualTo("the app exited with code 4");
      assertThat(docker.containersOf("web.1")).isZero();
    }

    @Test
    void aPodTheEngineKillsInsteadIsRemovedAndOffersBegin() {
      docker.plant("orphan.1", "app", "running", null);
      start();
      events.awaitConnected();
      driver.kill("orphan.1", "local-node-1", Duration.ofSeconds(1));
      events.awaitState("orphan.1", InstanceState.KILLED);
      assertThat(docker.containersOf("orphan.1")).isZero();
      assertThat(events.awaitOffer(1).resources().get(0).scalars().cpus()).isEqualTo(2);
    }

    @Test
    void offersBeginAnywayAfterTheAdoptionTimeout() {
      docker.plant("web.1", "app", "running", null);
      start(MACHINE.withAdoptionTimeout(Duration.ofMillis(300)));
      events.awaitConnected();
      events.awaitOffer(1);
      assertThat(docker.containersOf("web.1")).isEqualTo(1);
    }

    @Test
    void aRestartedDriverFindsThePodsItLaunchedBefore() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      driver.stop();
      RecordingEvents again = new RecordingEvents();
      driver.start(again);
      await().atMost(Duration.ofSeconds(5)).until(() -> !again.connected.isEmpty());
      assertThat(again.connected.get(0)).containsExactly(observed("web.1", InstanceState.RUNNING, PodScan.FOUND_RUNNING));
      assertThat(docker.containersOf("web.1")).isEqualTo(1);
    }
  }
}
