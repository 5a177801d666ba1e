package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A {@code docker run --key=value} parameter. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Parameter(String key, String value) {}
