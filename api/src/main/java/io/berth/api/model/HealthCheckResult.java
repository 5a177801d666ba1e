package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The latest outcome of one health check of one task. Times are ISO-8601. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthCheckResult(
    boolean alive,
    int consecutiveFailures,
    String firstSuccess,
    String lastFailure,
    String lastSuccess,
    String lastFailureCause,
    String taskId) {}
