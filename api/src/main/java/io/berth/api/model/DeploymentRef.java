package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A deployment named in an app's {@code deployments} list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentRef(String id) {}
