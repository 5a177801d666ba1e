package io.berth.scheduler.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.pod.PodInfo;
import io.berth.executor.pod.PodLabels;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodScanTest {

  private static ContainerInfo container(String role, String state, Integer exitCode, boolean oom, String error) {
    return new ContainerInfo(role + "-id", "berth-t-" + role, "busybox", Map.of(PodLabels.ROLE, role), state,
        exitCode, error, oom, null, null, null);
  }

  private static ObservedTask scan(ContainerInfo listed, ContainerInfo inspected) {
    PodInfo pod = new PodInfo("t.1", "/web", "v1", List.of(listed));
    return PodScan.of(List.of(pod), "local-a", id -> Optional.ofNullable(inspected)).observed().get(0);
  }

  @Test
  void anOutOfMemoryExitSaysSoLikeTheRunner() {
    ObservedTask task = scan(container("app", "exited", null, false, null), container("app", "exited", 137, true, ""));
    assertThat(task.state()).isEqualTo(InstanceState.FAILED);
    assertThat(task.message()).isEqualTo("the app exited with code 137 (out of memory)");
  }

  @Test
  void theDaemonsErrorIsPartOfTheMessage() {
    ObservedTask task = scan(container("app", "exited", null, false, null),
        container("app", "exited", 127, false, "exec: \"nope\": executable file not found"));
    assertThat(task.message()).isEqualTo("the app exited with code 127: exec: \"nope\": executable file not found");
  }

  @Test
  void anAppContainerGoneBetweenListingAndInspectionFailed() {
    ObservedTask task = scan(container("app", "exited", null, false, null), null);
    assertThat(task.state()).isEqualTo(InstanceState.FAILED);
    assertThat(task.message()).isEqualTo("the app container disappeared");
  }

  @Test
  void onlyEndedPodsAreToBeRemoved() {
    PodInfo running = new PodInfo("t.1", "/web", "v1", List.of(container("app", "running", null, false, null)));
    PodInfo half = new PodInfo("t.2", "/web", "v1", List.of(container("sensu", "running", null, false, null)));
    PodScan.Result result = PodScan.of(List.of(running, half), "local-a", id -> Optional.empty());
    assertThat(result.observed()).extracting(ObservedTask::taskId).containsExactly("t.1", "t.2");
    assertThat(result.ended()).extracting(ObservedTask::taskId).containsExactly("t.2");
    assertThat(result.observed()).extracting(ObservedTask::agentId).containsOnly("local-a");
  }

  @Test
  void podsOfAnotherInstallationOnTheSameEngineAreLeftAlone() {
    ContainerInfo foreign = new ContainerInfo("x-id", "berth-x-app", "busybox",
        Map.of(PodLabels.ROLE, "app", PodLabels.AGENT_ID, "local-b"), "running", null, null, false, null, null, null);
    ContainerInfo mine = new ContainerInfo("y-id", "berth-y-app", "busybox",
        Map.of(PodLabels.ROLE, "app", PodLabels.AGENT_ID, "local-a"), "running", null, null, false, null, null, null);
    PodScan.Result result = PodScan.of(List.of(new PodInfo("t.9", "/other", "v1", List.of(foreign)),
        new PodInfo("t.1", "/web", "v1", List.of(mine))), "local-a", id -> Optional.empty());
    assertThat(result.observed()).extracting(ObservedTask::taskId).containsExactly("t.1");
    assertThat(result.ended()).isEmpty();
  }
}
