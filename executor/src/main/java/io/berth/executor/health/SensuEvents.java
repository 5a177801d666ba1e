package io.berth.executor.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.model.HealthCheckResult;

/**
 * A health result as a Sensu Go check event for the agent's {@code POST /events} API: the agent
 * adds its own entity. Status 0 = OK, 2 = CRITICAL.
 */
public final class SensuEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SensuEvents() {}

  /** Sensu check names allow letters, digits, {@code _ . -}. */
  public static String checkName(int index, String protocol) {
    return "berth-health-" + index + "-" + protocol.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
  }

  public static String event(String checkName, String appId, HealthCheckResult result, int intervalSeconds) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode check = root.putObject("check");
    ObjectNode metadata = check.putObject("metadata");
    metadata.put("name", checkName);
    ObjectNode labels = metadata.putObject("labels");
    labels.put("app_id", appId);
    labels.put("task_id", result.taskId());
    labels.put("source", "berth-executor");
    check.put("status", result.alive() ? 0 : 2);
    check.put("output", result.alive() ? "OK: healthy since " + result.lastSuccess()
        : "CRITICAL: " + result.consecutiveFailures() + " consecutive failure(s): " + result.lastFailureCause());
    check.put("interval", intervalSeconds);
    check.putArray("handlers");
    return root.toString();
  }
}
