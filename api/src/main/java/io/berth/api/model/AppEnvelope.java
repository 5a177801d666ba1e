package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /v2/apps/{id}}: {@code {"app": {...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppEnvelope(App app) {}
