package io.berth.scheduler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Offer handling: unused offers are declined with a {@code refuseSeconds} filter, no offer is held
 * longer than {@code maxHoldSeconds}, and {@code placement} is BIN_PACK (fewest agents) or SPREAD.
 */
public record OfferConfig(
    @JsonProperty("refuseSeconds") @Min(0) @Max(86_400) Integer refuseSeconds,
    @JsonProperty("maxHoldSeconds") @Min(0) @Max(3_600) Integer maxHoldSeconds,
    @JsonProperty("placement") @Pattern(regexp = "BIN_PACK|SPREAD", message = "must be BIN_PACK or SPREAD")
        String placement) {

  public OfferConfig {
    refuseSeconds = refuseSeconds == null ? 5 : refuseSeconds;
    maxHoldSeconds = maxHoldSeconds == null ? 10 : maxHoldSeconds;
    placement = placement == null || placement.isBlank() ? "BIN_PACK" : placement;
  }

  public static OfferConfig defaults() {
    return new OfferConfig(null, null, null);
  }
}
