package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** When an app last changed its configuration, and when it was last scaled (ISO-8601). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionInfo(String lastScalingAt, String lastConfigChangeAt) {}
