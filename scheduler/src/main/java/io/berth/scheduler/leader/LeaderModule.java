package io.berth.scheduler.leader;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.berth.scheduler.store.ZkConnection;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Singleton;

/**
 * Leader election among the schedulers sharing a ZooKeeper root. Install it right after the
 * ZooKeeper connection and before everything else that is managed: they start only once this
 * scheduler leads.
 */
public final class LeaderModule extends AbstractModule {

  private final String id;

  /** @param id this scheduler's {@code host:port} */
  public LeaderModule(String id) {
    this.id = id;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Managed.class).addBinding().to(LeaderElection.class);
  }

  @Provides
  @Singleton
  LeaderElection election(ZkConnection zk) {
    return new LeaderElection(zk::client, id, LeaderElection.Abdication.halt());
  }
}
