package io.berth.executor.mesos;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the Mesos agent tells its executor through the environment (reference section 5.1), read
 * and checked once. Durations are stout strings ({@code 15mins}); {@code MESOS_CHECKPOINT} is
 * {@code 1} or {@code 0}. {@code BERTH_EXECUTOR_ENCODING} ({@code json}, the default, or
 * {@code protobuf}) picks the wire encoding; {@code BERTH_EXECUTOR_REAP_INTERVAL} (a stout duration,
 * default {@code 60secs}) how often pods orphaned by dead executors are looked for.
 *
 * @param agentEndpoint {@code ip:port} of the agent
 * @param directory the sandbox on the host (MESOS_DIRECTORY), may be null
 * @param recoveryTimeout how long to try to reach a restarting agent (checkpointing only)
 * @param subscriptionBackoffMax the longest wait between two SUBSCRIBE attempts
 * @param shutdownGracePeriod the time from SHUTDOWN to the container's destruction
 * @param authToken the bearer token for executor authentication, or null
 * @param agentId the agent's id (MESOS_SLAVE_ID), or null; SUBSCRIBED names it too
 * @param reapInterval the time between two looks for orphaned pods
 */
public record ExecutorEnvironment(
    String agentEndpoint,
    String frameworkId,
    String executorId,
    String directory,
    boolean checkpoint,
    Duration recoveryTimeout,
    Duration subscriptionBackoffMax,
    Duration shutdownGracePeriod,
    Encoding encoding,
    String authToken,
    String agentId,
    Duration reapInterval) {

  public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(15);
  public static final Duration DEFAULT_SUBSCRIPTION_BACKOFF_MAX = Duration.ofSeconds(2);
  public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REAP_INTERVAL = Duration.ofSeconds(60);

  public ExecutorEnvironment {
    Objects.requireNonNull(agentEndpoint, "agentEndpoint");
    Objects.requireNonNull(frameworkId, "frameworkId");
    Objects.requireNonNull(executorId, "executorId");
    Objects.requireNonNull(recoveryTimeout, "recoveryTimeout");
    Objects.requireNonNull(subscriptionBackoffMax, "subscriptionBackoffMax");
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(reapInterval, "reapInterval");
  }

  /** The executor API's URL on the agent. */
  public URI executorApi() {
    return URI.create("http://" + agentEndpoint + "/api/v1/executor");
  }

  /**
   * Reads the environment. Every problem is listed in one {@link IllegalArgumentException}
   * (values of the variables are named, never echoed: a token must not reach a log).
   */
  public static ExecutorEnvironment from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String endpoint = required(env, "MESOS_AGENT_ENDPOINT", problems);
    if (endpoint != null && !endpoint.matches("[^/\\s:]+:[0-9]{1,5}")) {
      problems.add("MESOS_AGENT_ENDPOINT must be ip:port, e.g. 10.0.0.5:5051");
    }
    String frameworkId = required(env, "MESOS_FRAMEWORK_ID", problems);
    String executorId = required(env, "MESOS_EXECUTOR_ID", problems);
    String checkpointText = env.getOrDefault("MESOS_CHECKPOINT", "0").trim();
    if (!checkpointText.equals("0") && !checkpointText.equals("1")) {
      problems.add("MESOS_CHECKPOINT must be 1 or 0");
    }
    Duration recovery = duration(env, "MESOS_RECOVERY_TIMEOUT", DEFAULT_RECOVERY_TIMEOUT, problems);
    Duration backoff = duration(env, "MESOS_SUBSCRIPTION_BACKOFF_MAX", DEFAULT_SUBSCRIPTION_BACKOFF_MAX, problems);
    Duration grace = duration(env, "MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", DEFAULT_SHUTDOWN_GRACE_PERIOD, problems);
    Encoding encoding = parse(env, "BERTH_EXECUTOR_ENCODING", Encoding.JSON, Encoding::named, problems);
    Duration reap = duration(env, "BERTH_EXECUTOR_REAP_INTERVAL", DEFAULT_REAP_INTERVAL, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid Mesos executor environment: " + String.join("; ", problems));
    }
    return new ExecutorEnvironment(endpoint, frameworkId, executorId, blankToNull(env.get("MESOS_DIRECTORY")),
        checkpointText.equals("1"), recovery, backoff, grace, encoding,
        blankToNull(env.get("MESOS_EXECUTOR_AUTHENTICATION_TOKEN")), blankToNull(env.get("MESOS_SLAVE_ID")), reap);
  }

  private static String required(Map<String, String> env, String name, List<String> problems) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      problems.add(name + " is not set");
    }
    return value;
  }

  private static Duration duration(Map<String, String> env, String name, Duration dflt, List<String> problems) {
    Duration d = parse(env, name, dflt, MesosDuration::parse, problems);
    if (d != null && (d.isNegative() || d.isZero()) && !name.equals("MESOS_SUBSCRIPTION_BACKOFF_MAX")) {
      problems.add(name + " must be positive");
    }
    return d;
  }

  private static <T> T parse(Map<String, String> env, String name, T dflt, Function<String, T> parser,
      List<String> problems) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return dflt;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      problems.add(name + ": " + e.getMessage());
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
