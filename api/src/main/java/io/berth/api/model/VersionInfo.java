package io.berth.api.model;

/** When an app last changed its configuration, and when it was last scaled (ISO-8601). */
public record VersionInfo(String lastScalingAt, String lastConfigChangeAt) {}
