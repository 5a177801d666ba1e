package io.berth.api.model;

/** What every deployment-creating call answers: {@code {deploymentId, version}}. */
public record DeploymentResult(String deploymentId, String version) {}
