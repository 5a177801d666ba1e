package io.berth.scheduler.cluster.mesos;

import com.codahale.metrics.health.HealthCheck;
import jakarta.inject.Inject;

/**
 * {@code /healthcheck} entry {@code mesos}: healthy while Berth is subscribed and reconciled;
 * otherwise it says why (disconnected since when and what happened, or the master's refusal, e.g.
 * "Framework has been removed", which no retry will fix).
 */
public final class MesosHealthCheck extends HealthCheck {

  private final MesosClusterDriver driver;

  @Inject
  MesosHealthCheck(MesosClusterDriver driver) {
    this.driver = driver;
  }

  @Override
  protected Result check() {
    String problem = driver.problem();
    return problem == null ? Result.healthy("subscribed") : Result.unhealthy(problem);
  }
}
