package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.mesos.OrphanReaper.Orphan;
import io.berth.executor.pod.PodLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrphanReaperTest {

  private static final String AGENT = "S1";
  private static final ProcessIdentity SELF = executor(100, 5000);
  private static final ProcessIdentity DEAD = executor(200, 6000);
  private static final ProcessIdentity LIVE = executor(300, 7000);
  private static final ProcessIdentity UNSURE = executor(400, 8000);

  private final Map<ProcessIdentity, Liveness> host = new HashMap<>(Map.of(SELF, Liveness.ALIVE, DEAD, Liveness.GONE,
      LIVE, Liveness.ALIVE, UNSURE, Liveness.UNKNOWN));
  private final List<ProcessIdentity> asked = new ArrayList<>();

  private static ProcessIdentity executor(long pid, long startTicks) {
    return new ProcessIdentity("0e70f071-348b", 4026531836L, pid, startTicks);
  }

  /** A pod's containers as the engine lists them; each label setter applies to every container. */
  private static final class PodBuilder {
    private final String taskId;
    private final List<String> roles = new ArrayList<>(List.of("fluentd", "app", "sensu"));
    private final Map<String, String> labels = new LinkedHashMap<>();

    PodBuilder(String taskId) {
      this.taskId = taskId;
      labels.put(PodLabels.APP_ID, "/team/web");
      labels.put(PodLabels.TASK_ID, taskId);
      labels.put(PodLabels.AGENT_ID, AGENT);
    }

    PodBuilder ownedBy(ProcessIdentity owner) {
      return label(PodLabels.EXECUTOR_OWNER, owner.label());
    }

    PodBuilder label(String name, String value) {
      if (value == null) {
        labels.remove(name);
      } else {
        labels.put(name, value);
      }
      return this;
    }

    PodBuilder roles(String... rs) {
      roles.clear();
      roles.addAll(List.of(rs));
      return this;
    }

    List<ContainerInfo> containers() {
      return roles.stream().map(r -> {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put(PodLabels.ROLE, r);
        return new ContainerInfo(taskId + "-" + r, "berth-" + taskId + "-" + r, "busybox", l, "running", null, null,
            false, null, null, null);
      }).toList();
    }
  }

  private static PodBuilder aPod(String taskId) {
    return new PodBuilder(taskId);
  }

  /** The decision over the containers of these pods (pods given twice with one task id are one pod). */
  private List<Orphan> orphansAmong(PodBuilder... pods) {
    List<ContainerInfo> engine = Arrays.stream(pods).flatMap(p -> p.containers().stream()).toList();
    return OrphanReaper.orphans(engine, AGENT, SELF, owner -> {
      asked.add(owner);
      return host.getOrDefault(owner, Liveness.GONE);
    });
  }

  private List<String> reapedTasks(PodBuilder... pods) {
    return orphansAmong(pods).stream().map(Orphan::taskId).toList();
  }

  @Test
  void aPodWhoseExecutorIsGoneIsReapedWholeInReverseStartOrder() {
    List<Orphan> orphans = orphansAmong(aPod("t1").ownedBy(DEAD));

    assertThat(orphans).singleElement().satisfies(o -> {
      assertThat(o.taskId()).isEqualTo("t1");
      assertThat(o.appId()).isEqualTo("/team/web");
      assertThat(o.owners()).containsExactly(DEAD.label());
      assertThat(o.containerIds()).containsExactly("t1-sensu", "t1-app", "t1-fluentd");
    });
  }

  @Test
  void aContainerOfAnUnknownRoleGoesFirst() {
    assertThat(orphansAmong(aPod("t1").ownedBy(DEAD).roles("app", "fluentd", "debug")))
        .singleElement().satisfies(o -> assertThat(o.containerIds()).containsExactly("t1-debug", "t1-app", "t1-fluentd"));
  }

  @Test
  void onlyTheDeadExecutorsPodsAreReapedAmongOthers() {
    assertThat(reapedTasks(aPod("live").ownedBy(LIVE), aPod("dead-1").ownedBy(DEAD),
        aPod("local"), aPod("dead-2").ownedBy(DEAD).roles("app")))
        .containsExactly("dead-1", "dead-2");
    assertThat(asked).as("each owner is asked about once per look").containsExactlyInAnyOrder(LIVE, DEAD);
  }

  @Nested
  class NeverReaped {
    @Test
    void aPodWithoutTheOwnerLabelAsTheLocalClusterMakesThem() {
      assertThat(reapedTasks(aPod("local"))).isEmpty();
      assertThat(asked).isEmpty();
    }

    @Test
    void aPodOfAnotherAgent() {
      assertThat(reapedTasks(aPod("t1").ownedBy(DEAD).label(PodLabels.AGENT_ID, "S2"))).isEmpty();
    }

    @Test
    void aPodWithoutAnAgent() {
      assertThat(reapedTasks(aPod("t1").ownedBy(DEAD).label(PodLabels.AGENT_ID, null))).isEmpty();
    }

    @Test
    void aPodOfALiveExecutor() {
      assertThat(reapedTasks(aPod("t1").ownedBy(LIVE))).isEmpty();
    }

    @Test
    void aPodOfThisExecutorEvenIfTheHostSaidItWasGone() {
      host.put(SELF, Liveness.GONE);

      assertThat(reapedTasks(aPod("t1").ownedBy(SELF))).isEmpty();
    }

    @Test
    void aPodWhoseOwnerCannotBeJudged() {
      assertThat(reapedTasks(aPod("t1").ownedBy(UNSURE))).isEmpty();
    }

    @Test
    void aPodWithAnUnreadableOwner() {
      assertThat(reapedTasks(aPod("t1").label(PodLabels.EXECUTOR_OWNER, "pid 200"))).isEmpty();
      assertThat(asked).isEmpty();
    }

    @Test
    void aPodOneOfWhoseContainersHasNoOwnerOrALiveOne() {
      assertThat(reapedTasks(aPod("t1").ownedBy(DEAD).roles("app"), aPod("t1").roles("sensu"),
          aPod("t2").ownedBy(DEAD).roles("app"), aPod("t2").ownedBy(LIVE).roles("sensu"))).isEmpty();
    }

    @Test
    void aContainerThatIsNoPod() {
      assertThat(reapedTasks(aPod("t1").ownedBy(DEAD).label(PodLabels.TASK_ID, null))).isEmpty();
    }
  }
}
