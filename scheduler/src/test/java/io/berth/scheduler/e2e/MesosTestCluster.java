package io.berth.scheduler.e2e;

import io.berth.scheduler.testing.mesos.ExecutorMode;
import io.berth.scheduler.testing.mesos.MesosCluster;
import io.berth.scheduler.testing.mesos.TaskView;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An emulated Mesos cluster (masters and agents on this machine, agents starting the real
 * berth-executor.jar against the real Docker engine) and the settings that point Berth at it.
 */
final class MesosTestCluster {

  static final Path EXECUTOR_JAR = Path.of(System.getProperty("berth.executorJar",
      "../executor/target/berth-executor.jar")).toAbsolutePath().normalize();

  private MesosTestCluster() {}

  /** {@code agents} agents named agent-0.., each with its own 100 host ports from 31000 + 100 i. */
  static MesosCluster start(int masters, int agents, Path workDir) {
    return start(masters, agents, workDir, Duration.ZERO);
  }

  /** As above; after a master failover, agents re-register with the new master after {@code reregisterDelay}. */
  static MesosCluster start(int masters, int agents, Path workDir, Duration reregisterDelay) {
    return MesosCluster.builder()
        .reregisterDelay(reregisterDelay)
        .masters(masters)
        .agents(agents)
        .agentResources(2, 2048, 10_000)
        .agentPorts(i -> new int[] {31000 + 100 * i, 31099 + 100 * i})
        .agentHostname(i -> "agent-" + i)
        .heartbeatInterval(Duration.ofSeconds(1))
        .allocationInterval(Duration.ofMillis(200))
        .updateRetry(Duration.ofSeconds(2))
        .executors(ExecutorMode.real(Map.of("BERTH_EXECUTOR_REAP_INTERVAL", "2secs")))
        .workDir(workDir)
        .start();
  }

  /** Berth in Mesos mode against {@code cluster} (give it a fixed HTTP port: agents fetch the executor there). */
  static ConfigOverride[] schedulerSettings(MesosCluster cluster) {
    return new ConfigOverride[] {
        ConfigOverride.config("cluster.mode", "mesos"),
        ConfigOverride.config("mesos.master", cluster.masterList()),
        ConfigOverride.config("mesos.executorJar", EXECUTOR_JAR.toString()),
        ConfigOverride.config("mesos.reconcileWaitSeconds", "5"),
        ConfigOverride.config("mesos.executorMemMb", "64"),
        ConfigOverride.config("advertisedHost", "127.0.0.1")};
  }

  /** The environment that does the same for a scheduler process. */
  static Map<String, String> schedulerEnvironment(MesosCluster cluster) {
    return Map.of(
        "BERTH_CLUSTER", "mesos",
        "BERTH_MESOS_MASTER", cluster.masterList(),
        "BERTH_MESOS_EXECUTOR_JAR", EXECUTOR_JAR.toString(),
        "BERTH_MESOS_RECONCILE_WAIT_SECONDS", "5",
        "BERTH_MESOS_EXECUTOR_MEM_MB", "64",
        "BERTH_HOSTNAME", "127.0.0.1");
  }

  /** The tasks of {@code appId} the master has, in any state (Berth's task ids start with the app's). */
  static List<TaskView> tasksOf(MesosCluster cluster, String appId) {
    String prefix = appId.substring(1).replace('/', '_') + ".";
    return cluster.tasks().stream().filter(t -> t.taskId().startsWith(prefix)).toList();
  }

  static int freePort() {
    return SchedulerProcess.freePort();
  }
}
