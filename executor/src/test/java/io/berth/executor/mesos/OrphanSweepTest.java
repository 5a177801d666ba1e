package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import io.berth.executor.docker.ExecResult;
import io.berth.executor.docker.TransientContainerRuntimeException;
import io.berth.executor.pod.ContainerSpec;
import io.berth.executor.pod.PodLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrphanSweepTest {

  private static final ProcessIdentity SELF = new ProcessIdentity("b00t", 1, 100, 5000);
  private static final ProcessIdentity DEAD = new ProcessIdentity("b00t", 1, 200, 6000);

  private final Engine engine = new Engine();
  private final OrphanSweep sweep = new OrphanSweep(engine, SELF,
      p -> p.equals(DEAD) ? Liveness.GONE : Liveness.ALIVE, Duration.ofSeconds(2));

  /** Lists what a test put in, by label; records stops and removes; can fail either. */
  private static final class Engine implements ContainerRuntime {
    final Map<String, ContainerInfo> containers = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<Map<String, String>> listings = new ArrayList<>();
    String failStopOf;
    boolean unreachable;

    void add(String taskId, String role, String agent, ProcessIdentity owner) {
      Map<String, String> labels = new LinkedHashMap<>(Map.of(PodLabels.TASK_ID, taskId, PodLabels.ROLE, role,
          PodLabels.APP_ID, "/team/web", PodLabels.AGENT_ID, agent));
      if (owner != null) {
        labels.put(PodLabels.EXECUTOR_OWNER, owner.label());
      }
      String id = taskId + "-" + role;
      containers.put(id, new ContainerInfo(id, "berth-" + id, "busybox", labels, "running", null, null, false, null,
          null, null));
    }

    @Override
    public List<ContainerInfo> list(Map<String, String> labels) {
      listings.add(labels);
      if (unreachable) {
        throw new TransientContainerRuntimeException("Cannot connect to the Docker daemon", null);
      }
      return containers.values().stream().filter(c -> c.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    @Override
    public void stop(String id, Duration grace) {
      calls.add("stop " + id + " " + grace.toSeconds() + "s");
      if (id.equals(failStopOf)) {
        throw new ContainerRuntimeException("cannot stop " + id);
      }
    }

    @Override
    public void remove(String id) {
      calls.add("remove " + id);
      containers.remove(id);
    }

    @Override
    public void ensureImage(String image, boolean forcePull) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String create(ContainerSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void start(String containerId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Optional<ContainerInfo> inspect(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
      throw new UnsupportedOperationException();
    }
  }

  private void aPod(String taskId, String agent, ProcessIdentity owner) {
    for (String role : List.of("fluentd", "app", "sensu")) {
      engine.add(taskId, role, agent, owner);
    }
  }

  @Test
  void stopsEveryContainerOfAnOrphanInReverseOrderWithTheGraceThenRemovesThem() {
    aPod("t1", "S1", DEAD);

    assertThat(sweep.sweep("S1")).extracting(OrphanReaper.Orphan::taskId).containsExactly("t1");

    assertThat(engine.calls).containsExactly("stop t1-sensu 2s", "stop t1-app 2s", "stop t1-fluentd 2s",
        "remove t1-sensu", "remove t1-app", "remove t1-fluentd");
    assertThat(engine.containers).isEmpty();
  }

  @Test
  void asksTheEngineOnlyForThisAgentsPodsAndLeavesTheRestAlone() {
    aPod("mine-dead", "S1", DEAD);
    aPod("mine-live", "S1", SELF);
    aPod("local", "S1", null);
    aPod("other-agent", "S2", DEAD);

    sweep.sweep("S1");

    assertThat(engine.listings).containsExactly(Map.of(PodLabels.AGENT_ID, "S1"));
    assertThat(engine.containers.keySet()).noneMatch(id -> id.startsWith("mine-dead")).hasSize(9);
  }

  @Test
  void aContainerThatWillNotStopIsRemovedAnywayAndTheSweepGoesOn() {
    aPod("t1", "S1", DEAD);
    aPod("t2", "S1", DEAD);
    engine.failStopOf = "t1-app";

    assertThat(sweep.sweep("S1")).hasSize(2);

    assertThat(engine.calls).contains("remove t1-app", "remove t2-fluentd");
    assertThat(engine.containers).isEmpty();
  }

  @Test
  void anEngineThatCannotListFailsTheSweepAndTouchesNothing() {
    aPod("t1", "S1", DEAD);
    engine.unreachable = true;

    assertThatThrownBy(() -> sweep.sweep("S1")).isInstanceOf(ContainerRuntimeException.class);
    assertThat(engine.calls).isEmpty();
  }
}
