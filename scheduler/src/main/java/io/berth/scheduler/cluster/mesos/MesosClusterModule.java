package io.berth.scheduler.cluster.mesos;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.berth.scheduler.HttpServing;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.store.ZkConnection;
import io.berth.scheduler.store.ZkFrameworkIdStore;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Berth as a Mesos framework: the driver, its connection to the masters, the framework id in
 * ZooKeeper and the executor jar it serves to the agents' fetchers.
 */
public final class MesosClusterModule extends AbstractModule {

  private final MesosConfig config;
  private final ExecutorJar jar;

  public MesosClusterModule(MesosConfig config, ExecutorJar jar) {
    this.config = config;
    this.jar = jar;
  }

  @Override
  protected void configure() {
    bind(MesosConfig.class).toInstance(config);
    bind(ExecutorJar.class).toInstance(jar);
    bind(ExecutorJarResource.class).in(Singleton.class);
    bind(ClusterDriver.class).to(MesosClusterDriver.class);
  }

  @Provides
  @Singleton
  MesosClusterDriver driver(ZkConnection zk, Clock clock, HttpServing serving) {
    MesosClientSettings settings = MesosClientSettings.defaults(Encoding.fromConfig(config.encoding()))
        .withCredentials(config.principal(), config.secret());
    MasterDetector masters = MasterDetector.fromConfig(config.master());
    return new MesosClusterDriver(config, MesosConnection.of(settings, masters), new ZkFrameworkIdStore(zk),
        jar.source(), clock, serving.started());
  }
}
