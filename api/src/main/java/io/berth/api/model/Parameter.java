package io.berth.api.model;

/** A {@code docker run --key=value} parameter. */
public record Parameter(String key, String value) {}
