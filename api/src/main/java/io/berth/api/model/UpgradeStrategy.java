package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Rolling upgrade bounds, each in [0, 1]; Marathon's default is 1/1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpgradeStrategy(Double minimumHealthCapacity, Double maximumOverCapacity) {

  public static final UpgradeStrategy DEFAULT = new UpgradeStrategy(1.0, 1.0);

  UpgradeStrategy normalized() {
    return new UpgradeStrategy(
        minimumHealthCapacity == null ? 1.0 : minimumHealthCapacity,
        maximumOverCapacity == null ? 1.0 : maximumOverCapacity);
  }
}
