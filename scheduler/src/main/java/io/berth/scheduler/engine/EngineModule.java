package io.berth.scheduler.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.berth.scheduler.cluster.ClusterDriver;
import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.store.InstanceStore;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The engine (started after the app service) and the API's views of it. */
public final class EngineModule extends AbstractModule {

  private final HelperConfig helpers;
  private final EngineSettings settings;

  public EngineModule(HelperConfig helpers, EngineSettings settings) {
    this.helpers = helpers;
    this.settings = settings;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Managed.class).addBinding().to(Engine.class);
  }

  @Provides
  @Singleton
  Engine engine(AppService apps, InstanceStore store, ClusterDriver driver, Clock clock) {
    return new Engine(apps, store, driver, clock, settings, helpers);
  }

  @Provides
  @Singleton
  EngineTaskQueries engineQueries(Engine engine) {
    return engine.queries();
  }

  @Provides
  TaskQueries taskQueries(EngineTaskQueries queries) {
    return queries;
  }

  @Provides
  TaskKiller taskKiller(Engine engine) {
    return engine;
  }
}
