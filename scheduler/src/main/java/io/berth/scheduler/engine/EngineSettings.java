package io.berth.scheduler.engine;

import io.berth.scheduler.core.offers.OfferPolicy;
import java.time.Duration;

/**
 * How the engine paces itself: {@code tick} is how often it reconciles everything and expires
 * offers (it also reacts to every event at once); {@code defaultKillGrace} is used for apps
 * without {@code taskKillGracePeriodSeconds}.
 */
public record EngineSettings(Duration tick, Duration defaultKillGrace, OfferPolicy offers) {

  public static final EngineSettings DEFAULT =
      new EngineSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), OfferPolicy.DEFAULT);
}
