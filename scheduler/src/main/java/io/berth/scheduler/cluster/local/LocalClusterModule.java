package io.berth.scheduler.cluster.local;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.DockerContainerRuntime;
import io.berth.scheduler.cluster.ClusterDriver;
import jakarta.inject.Singleton;

/**
 * The local cluster: {@link ClusterDriver} is this machine, running pods on the Docker engine named
 * by {@code DOCKER_HOST} (or the default socket). Binds only; the engine starts and stops the
 * driver, and the Docker client connects on its first call.
 */
public final class LocalClusterModule extends AbstractModule {

  private final LocalClusterConfig config;

  public LocalClusterModule(LocalClusterConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(LocalClusterConfig.class).toInstance(config);
    bind(LocalClusterDriver.class).in(Singleton.class);
    bind(ClusterDriver.class).to(LocalClusterDriver.class);
  }

  @Provides
  @Singleton
  ContainerRuntime dockerRuntime() {
    return DockerContainerRuntime.fromEnvironment();
  }
}
