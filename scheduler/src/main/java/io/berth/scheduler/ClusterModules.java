package io.berth.scheduler;

import com.google.inject.Module;
import io.berth.scheduler.cluster.local.LocalClusterModule;

/** Picks the cluster driver's module from the configuration: one module per kind of cluster. */
final class ClusterModules {

  private ClusterModules() {}

  static Module forConfig(SchedulerConfiguration config) {
    return switch (config.getCluster().mode()) {
      case "local" -> new LocalClusterModule(config.getLocalCluster());
      default -> throw new IllegalArgumentException("cluster.mode " + config.getCluster().mode()
          + " is not available in this build: the Mesos driver is not written yet (use BERTH_CLUSTER=local)");
    };
  }
}
