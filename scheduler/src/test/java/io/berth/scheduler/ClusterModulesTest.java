package io.berth.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.cluster.local.LocalClusterConfig;
import org.junit.jupiter.api.Test;

class ClusterModulesTest {

  private static SchedulerConfiguration withDataDir(String dir) {
    SchedulerConfiguration config = new SchedulerConfiguration();
    config.setDataDir(dir);
    config.setLocalCluster(LocalClusterConfig.of(2, 2048, 10240, 31000, 32000, "host-1"));
    return config;
  }

  @Test
  void theAgentIdNamesTheInstallationByItsState() {
    String a = ClusterModules.localCluster(withDataDir("/var/lib/berth-a")).agentId();
    String b = ClusterModules.localCluster(withDataDir("/var/lib/berth-b")).agentId();
    assertThat(a).startsWith("local-host-1-").isNotEqualTo(b);
    assertThat(ClusterModules.localCluster(withDataDir("/var/lib/berth-a")).agentId()).isEqualTo(a);
  }

  @Test
  void anAgentIdGivenInTheConfigurationIsKept() {
    SchedulerConfiguration config = withDataDir("/var/lib/berth-a");
    config.setLocalCluster(config.getLocalCluster().withAgentId("rack-7-box-3"));
    assertThat(ClusterModules.localCluster(config).agentId()).isEqualTo("rack-7-box-3");
  }
}
