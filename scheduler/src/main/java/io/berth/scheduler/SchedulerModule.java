package io.berth.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.engine.DeploymentIds;
import io.berth.scheduler.engine.EngineModule;
import io.berth.scheduler.engine.EngineSettings;
import io.berth.scheduler.leader.LeaderModule;
import io.berth.scheduler.store.ZkStoreModule;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Singleton;
import io.berth.scheduler.config.OfferConfig;
import io.berth.scheduler.core.matching.PlacementPolicy;
import io.berth.scheduler.core.offers.OfferPolicy;
import java.time.Clock;
import java.time.Duration;

/** Installs the scheduler's modules. Managed objects start in the order they are bound here. */
final class SchedulerModule extends AbstractModule {

  private final SchedulerConfiguration config;
  private final ObjectMapper json;
  private final HttpServing serving = new HttpServing();

  SchedulerModule(SchedulerConfiguration config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  static EngineSettings engineSettings(OfferConfig offers) {
    return new EngineSettings(EngineSettings.DEFAULT.tick(), EngineSettings.DEFAULT.defaultKillGrace(),
        new OfferPolicy(Duration.ofSeconds(offers.refuseSeconds()), Duration.ofSeconds(offers.maxHoldSeconds())),
        PlacementPolicy.valueOf(offers.placement()));
  }

  @Override
  protected void configure() {
    bind(SchedulerConfiguration.class).toInstance(config);
    bind(ObjectMapper.class).toInstance(json);
    bind(Clock.class).toInstance(Clock.systemUTC());
    bind(HttpServing.class).toInstance(serving);
    bind(DeploymentIds.class).toInstance(DeploymentIds.random());
    install(new ZkStoreModule(config.getZooKeeper(), config.dataPath()));
    install(new LeaderModule(config.advertisedHost() + ":" + config.httpPort()));
    bind(AppService.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), Managed.class).addBinding().to(AppService.class);
    install(ClusterModules.forConfig(config));
    install(new EngineModule(config.getHelpers(), engineSettings(config.getOffers())));
  }
}
