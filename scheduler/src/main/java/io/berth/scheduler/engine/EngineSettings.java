package io.berth.scheduler.engine;

import io.berth.scheduler.core.matching.PlacementPolicy;
import io.berth.scheduler.core.offers.OfferPolicy;
import java.time.Duration;

/**
 * How the engine paces itself: {@code tick} is how often it reconciles everything and expires
 * offers (it also reacts to every event at once); {@code defaultKillGrace} is used for apps
 * without {@code taskKillGracePeriodSeconds}; {@code placement} is how the matcher fills agents.
 */
public record EngineSettings(Duration tick, Duration defaultKillGrace, OfferPolicy offers, PlacementPolicy placement) {

  public static final EngineSettings DEFAULT =
      new EngineSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), OfferPolicy.DEFAULT, PlacementPolicy.BIN_PACK);

  public EngineSettings(Duration tick, Duration defaultKillGrace, OfferPolicy offers) {
    this(tick, defaultKillGrace, offers, PlacementPolicy.BIN_PACK);
  }
}
