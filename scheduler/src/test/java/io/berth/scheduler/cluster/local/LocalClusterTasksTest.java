package io.berth.scheduler.cluster.local;

import static io.berth.scheduler.cluster.local.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalClusterTasksTest extends DriverTestBase {

  private static final Duration GRACE = Duration.ofSeconds(1);

  @Nested
  class Launch {

    @Test
    void reportsStagingThenTheRunnersStartingAndRunningWithoutAckIds() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      assertThat(events.statesOf("web.1"))
          .containsExactly(InstanceState.STAGING, InstanceState.STARTING, InstanceState.RUNNING);
      assertThat(events.of("web.1")).allSatisfy(s -> {
        assertThat(s.ackId()).isNull();
        assertThat(s.agentId()).isEqualTo("local-node-1");
        assertThat(s.fromReconciliation()).isFalse();
      });
      assertThat(docker.containersOf("web.1")).isEqualTo(1);
    }

    @Test
    void healthVerdictsComeWithRunningAndResultsArePassedOn() {
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").withACommandHealthCheck().build()));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> events.of("web.1").stream().anyMatch(s -> Boolean.TRUE.equals(s.healthy())));
      assertThat(events.of("web.1")).filteredOn(s -> s.healthy() != null)
          .allSatisfy(s -> assertThat(s.state()).isEqualTo(InstanceState.RUNNING));
      await().atMost(Duration.ofSeconds(10)).until(() -> !events.healthResults.isEmpty());
      assertThat(events.healthResults.get(0)).singleElement()
          .satisfies(r -> assertThat(r.taskId()).isEqualTo("web.1"));
    }

    @Test
    void anImagePullFailureIsAFailedTaskWithTheDaemonsMessage() {
      docker.failPullOf = "busybox:missing";
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").image("busybox:missing").build()));
      TaskStatus failed = events.awaitState("web.1", InstanceState.FAILED);
      assertThat(failed.message()).contains("pull access denied for busybox:missing");
      assertThat(docker.containersOf("web.1")).isZero();
    }

    @Test
    void aBadDockerParameterIsAFailedTaskWithThePlansMessage() {
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").dockerParameter("no-such-flag", "1").build()));
      assertThat(events.awaitState("web.1", InstanceState.FAILED).message())
          .contains("unsupported docker parameter 'no-such-flag'");
      assertThat(events.statesOf("web.1"))
          .containsExactly(InstanceState.STAGING, InstanceState.STARTING, InstanceState.FAILED);
    }

    @Test
    void anAppThatExitsIsFailedWithItsExitCode() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      docker.exitApp("web.1", 3);
      assertThat(events.awaitState("web.1", InstanceState.FAILED).message()).isEqualTo("the app exited with code 3");
      assertThat(docker.containersOf("web.1")).isZero();
    }

    @Test
    void anAppThatExitsWithZeroIsFinished() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      docker.exitApp("web.1", 0);
      events.awaitState("web.1", InstanceState.FINISHED);
    }
  }

  @Nested
  class Kill {

    @Test
    void killsTheRunningPodAndReportsKilledOnce() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").fluentdOn(31005).build());
      driver.kill("web.1", "local-node-1", GRACE);
      assertThat(events.awaitState("web.1", InstanceState.KILLED).message()).isEqualTo("killed on request");
      assertThat(docker.containersOf("web.1")).isZero();
      driver.kill("web.1", "local-node-1", GRACE);
      await().atMost(Duration.ofSeconds(5))
          .until(() -> events.statesOf("web.1").stream().filter(s -> s == InstanceState.KILLED).count() == 2);
      assertThat(events.statesOf("web.1")).endsWith(InstanceState.KILLED, InstanceState.KILLED);
    }

    @Test
    void aKillRightAfterTheLaunchWaitsForTheLaunchAndLeavesNothing() {
      Offer offer = startAndAwaitOffer();
      driver.launch(offer.id(), Launches.one(aTask("web.1").fluentdOn(31005).build()));
      driver.kill("web.1", "local-node-1", GRACE);
      events.awaitState("web.1", InstanceState.KILLED);
      assertThat(docker.containersOf("web.1")).isZero();
    }

    @Test
    void aKillOfAnUnknownTaskIsAnsweredWithKilled() {
      startAndAwaitOffer();
      driver.kill("never-here", null, GRACE);
      assertThat(events.awaitState("never-here", InstanceState.KILLED).agentId()).isEqualTo("local-node-1");
    }

    @Test
    void aKillOfAnEndedTaskRepeatsHowItEnded() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      docker.exitApp("web.1", 3);
      events.awaitState("web.1", InstanceState.FAILED);
      driver.kill("web.1", "local-node-1", GRACE);
      await().atMost(Duration.ofSeconds(5)).until(() -> events.of("web.1").size() == 5);
      assertThat(events.statesOf("web.1")).endsWith(InstanceState.FAILED, InstanceState.FAILED);
    }
  }

  @Nested
  class Reconcile {

    @Test
    void answersEachTaskWithItsStateAndUnknownOnesWithLost() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      driver.reconcile(List.of(new TaskRef("web.1", "local-node-1"), new TaskRef("web.2", null)));
      TaskStatus running = awaitReconciled("web.1");
      TaskStatus lost = awaitReconciled("web.2");
      assertThat(running.state()).isEqualTo(InstanceState.RUNNING);
      assertThat(lost.state()).isEqualTo(InstanceState.LOST);
      assertThat(lost.message()).isEqualTo("unknown to the local cluster");
      assertThat(List.of(running.ackId() == null, lost.ackId() == null)).containsOnly(true);
    }

    @Test
    void anEmptyRequestIsAnsweredForEveryLiveTask() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      launchRunning(awaitOfferAfter(offer), aTask("web.2").build());
      driver.reconcile(List.of());
      assertThat(awaitReconciled("web.1").state()).isEqualTo(InstanceState.RUNNING);
      assertThat(awaitReconciled("web.2").state()).isEqualTo(InstanceState.RUNNING);
    }

    @Test
    void anEndedTaskIsAnsweredWithItsEnd() {
      Offer offer = startAndAwaitOffer();
      launchRunning(offer, aTask("web.1").build());
      docker.exitApp("web.1", 0);
      events.awaitState("web.1", InstanceState.FINISHED);
      driver.reconcile(List.of(new TaskRef("web.1", "local-node-1")));
      assertThat(awaitReconciled("web.1").state()).isEqualTo(InstanceState.FINISHED);
    }

    private TaskStatus awaitReconciled(String taskId) {
      await().atMost(Duration.ofSeconds(5)).until(() -> events.of(taskId).stream().anyMatch(TaskStatus::fromReconciliation));
      return events.of(taskId).stream().filter(TaskStatus::fromReconciliation).findFirst().orElseThrow();
    }
  }
}
