package io.berth.scheduler.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.berth.scheduler.config.ZooKeeperConfig;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** State in ZooKeeper: the connection (started first) and the stores on it. */
public final class ZkStoreModule extends AbstractModule {

  private final ZooKeeperConfig config;
  private final Path dataDir;

  public ZkStoreModule(ZooKeeperConfig config, Path dataDir) {
    this.config = config;
    this.dataDir = dataDir;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Managed.class).addBinding().to(ZkConnection.class);
  }

  @Provides
  @Singleton
  ZkConnection connection() {
    return new ZkConnection(config, dataDir);
  }

  @Provides
  @Singleton
  AppStore appStore(ZkConnection zk) {
    return new ZkAppStore(zk, storeJson(), config.maxVersions());
  }

  @Provides
  @Singleton
  InstanceStore instanceStore(ZkConnection zk) {
    return new ZkInstanceStore(zk, storeJson());
  }

  /** The stored form: stable, compact, tolerant of fields added by later versions. */
  static ObjectMapper storeJson() {
    return new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
