package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The shell command of a COMMAND health check. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Command(String value) {}
