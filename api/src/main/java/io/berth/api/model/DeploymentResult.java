package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What every deployment-creating call answers: {@code {deploymentId, version}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentResult(String deploymentId, String version) {}
