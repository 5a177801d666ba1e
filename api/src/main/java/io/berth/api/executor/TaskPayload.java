package io.berth.api.executor;

import io.berth.api.model.App;
import java.util.List;
import java.util.Objects;

/**
 * Internal: what the scheduler hands the executor for one task (in-process for the local cluster,
 * inside the Mesos TaskInfo's {@code data} as JSON on a real cluster). Not part of the public API.
 *
 * @param taskId the task id as the API shows it
 * @param app the normalized app definition, at the version that started this task
 * @param host the agent's hostname, for {@code HOST}
 * @param agentId the agent the task runs on
 * @param hostPorts host ports taken from the offer for the app, in port order (PORT0..n)
 * @param fluentdHostPort the host port (on 127.0.0.1) the fluentd helper's forward port is published on;
 *     0 when the fluentd helper is off
 * @param helpers how the helper containers are run
 * @param defaultImage the image an app with only {@code cmd} runs in
 */
public record TaskPayload(
    String taskId,
    App app,
    String host,
    String agentId,
    List<Integer> hostPorts,
    int fluentdHostPort,
    HelperSettings helpers,
    String defaultImage) {

  public TaskPayload {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(helpers, "helpers");
    hostPorts = hostPorts == null ? List.of() : List.copyOf(hostPorts);
  }
}
