package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Why the last task of an app failed: {@code lastTaskFailure}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskFailure(
    String appId, String host, String message, String state, String taskId, String timestamp,
    String version, String slaveId) {}
