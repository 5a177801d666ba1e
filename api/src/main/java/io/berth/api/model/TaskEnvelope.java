package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code DELETE /v2/apps/{id}/tasks/{taskId}} without scaling: {@code {"task": {...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEnvelope(Task task) {}
