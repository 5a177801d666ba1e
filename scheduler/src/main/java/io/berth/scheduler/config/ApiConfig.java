package io.berth.scheduler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits on what one request may carry. */
public record ApiConfig(
    @JsonProperty("maxBodyBytes") @Min(1024) @Max(64L * 1024 * 1024) long maxBodyBytes,
    @JsonProperty("maxJsonDepth") @Min(8) @Max(1000) int maxJsonDepth) {

  public ApiConfig {
    maxBodyBytes = maxBodyBytes == 0 ? 1024 * 1024 : maxBodyBytes;
    maxJsonDepth = maxJsonDepth == 0 ? 32 : maxJsonDepth;
  }

  public static ApiConfig defaults() {
    return new ApiConfig(0, 0);
  }
}
