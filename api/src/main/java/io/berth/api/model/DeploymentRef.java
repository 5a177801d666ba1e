package io.berth.api.model;

/** A deployment named in an app's {@code deployments} list. */
public record DeploymentRef(String id) {}
