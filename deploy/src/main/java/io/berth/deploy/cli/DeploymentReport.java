package io.berth.deploy.cli;

import io.berth.api.model.DeploymentResult;
import java.util.List;

/**
 * What a deployment-starting command prints: {@code key: value} lines a script can grep.
 * <pre>
 * app: /team/web
 * deploymentId: 5f0b...
 * version: 2026-11-26T15:00:00.000Z
 * </pre>
 */
final class DeploymentReport {

  private DeploymentReport() {}

  static List<String> lines(String appId, DeploymentResult result) {
    return List.of("app: " + appId,
        "deploymentId: " + orDash(result == null ? null : result.deploymentId()),
        "version: " + orDash(result == null ? null : result.version()));
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
