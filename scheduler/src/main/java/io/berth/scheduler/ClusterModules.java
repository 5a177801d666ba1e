package io.berth.scheduler;

import com.google.inject.Module;
import io.berth.scheduler.cluster.local.LocalClusterConfig;
import io.berth.scheduler.cluster.local.LocalClusterModule;
import io.berth.scheduler.cluster.mesos.ExecutorJar;
import io.berth.scheduler.cluster.mesos.MesosClusterModule;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Picks the cluster driver's module from the configuration: one module per kind of cluster. */
final class ClusterModules {

  private ClusterModules() {}

  /**
   * The local cluster's agent id names this installation: {@code local-<host>-<8 hex>} from where
   * its state lives (the data directory with the embedded ZooKeeper, else the ensemble and root).
   * Pods carry it, so two Berths on one Docker engine never adopt or kill each other's pods, and
   * a restart on the same state finds its own.
   */
  static LocalClusterConfig localCluster(SchedulerConfiguration config) {
    LocalClusterConfig local = config.getLocalCluster();
    if (!local.hasDefaultAgentId()) {
      return local;
    }
    String state = config.getZooKeeper().isEmbedded()
        ? config.dataPath().toAbsolutePath().normalize().toString()
        : config.getZooKeeper().connect() + config.getZooKeeper().root();
    return local.withAgentId(local.agentId() + "-" + String.format("%08x", state.hashCode()));
  }

  static Module forConfig(SchedulerConfiguration config) {
    return switch (config.getCluster().mode()) {
      case "local" -> new LocalClusterModule(localCluster(config));
      case "mesos" -> new MesosClusterModule(config.getMesos(), executorJar(config));
      default -> throw new IllegalArgumentException("cluster.mode must be local or mesos, was "
          + config.getCluster().mode());
    };
  }

  /** The executor jar of a Mesos installation, found next to the running scheduler's jar by default. */
  static ExecutorJar executorJar(SchedulerConfiguration config) {
    Path here;
    try {
      here = Path.of(SchedulerApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      here = Path.of(".").toAbsolutePath();
    }
    Path dir = here.toString().endsWith(".jar") ? here.getParent() : here;
    return ExecutorJar.resolve(config.getMesos(), dir, config.advertisedHost(), config.httpPort());
  }
}
