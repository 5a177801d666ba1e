package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /v2/leader}: {@code {"leader": "host:port"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Leader(String leader) {}
