package io.berth.scheduler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;

/**
 * The helper containers of every pod. A command, when set, runs with {@code /bin/sh -c} in that
 * helper instead of its image's own command.
 */
public record HelperConfig(
    @JsonProperty("enabled") @Pattern(regexp = "on|off", message = "must be on or off") String enabled,
    @JsonProperty("fluentdImage") String fluentdImage,
    @JsonProperty("fluentdCommand") String fluentdCommand,
    @JsonProperty("sensuImage") String sensuImage,
    @JsonProperty("sensuCommand") String sensuCommand,
    @JsonProperty("sensuBackendUrl") String sensuBackendUrl,
    @JsonProperty("sensuNamespace") String sensuNamespace,
    @JsonProperty("defaultImage") String defaultImage) {

  public HelperConfig {
    enabled = blank(enabled) ? "on" : switch (enabled) {
      case "true" -> "on";
      case "false" -> "off";
      default -> enabled;
    };
    fluentdImage = blank(fluentdImage) ? "fluent/fluentd:v1.16-1" : fluentdImage;
    fluentdCommand = blank(fluentdCommand) ? null : fluentdCommand;
    sensuImage = blank(sensuImage) ? "sensu/sensu:6.11.0" : sensuImage;
    sensuCommand = blank(sensuCommand) ? null : sensuCommand;
    sensuBackendUrl = blank(sensuBackendUrl) ? "ws://127.0.0.1:8081" : sensuBackendUrl;
    sensuNamespace = blank(sensuNamespace) ? "default" : sensuNamespace;
    defaultImage = blank(defaultImage) ? "busybox:latest" : defaultImage;
  }

  public static HelperConfig defaults() {
    return new HelperConfig(null, null, null, null, null, null, null, null);
  }

  public boolean on() {
    return "on".equals(enabled);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
