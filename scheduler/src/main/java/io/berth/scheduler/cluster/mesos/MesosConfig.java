package io.berth.scheduler.cluster.mesos;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.scheduler.core.matching.Resources;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code mesos} section: how Berth runs as a framework on Apache Mesos. Every field has a
 * default; see docs/mesos.md for the {@code BERTH_MESOS_*} variable of each.
 *
 * @param master {@code http://host:5050,http://host2:5050} or {@code zk://host:2181,host2:2181/mesos}
 * @param encoding {@code protobuf} (default) or {@code json}
 * @param roles comma-separated roles Berth gets offers for (default {@code *})
 * @param failoverTimeoutSeconds how long Mesos keeps Berth's tasks while no scheduler is connected
 *     (default one week)
 * @param reconcileIntervalSeconds how often every task is reconciled (default 15 minutes)
 * @param reconcileWaitSeconds after a (re)subscription, how long Berth waits for the master to
 *     answer about every task it knows before it starts launching (default 30 s); tasks still
 *     unanswered then count as unreachable
 * @param executorJar the executor jar this scheduler serves at {@code /executor/berth-executor.jar}
 *     (default: {@code berth-executor.jar} next to the scheduler's jar)
 * @param executorUri where agents fetch the executor from (default: this scheduler's
 *     {@code http://<advertisedHost>:<port>/executor/berth-executor.jar})
 * @param executorCpus cpus of the executor itself, taken from the same offer as its task
 * @param executorMemMb memory of the executor's JVM (MB)
 */
public record MesosConfig(
    @JsonProperty("master") String master,
    @JsonProperty("encoding") String encoding,
    @JsonProperty("frameworkName") String frameworkName,
    @JsonProperty("user") String user,
    @JsonProperty("roles") String roles,
    @JsonProperty("principal") String principal,
    @JsonProperty("secret") String secret,
    @JsonProperty("failoverTimeoutSeconds") @PositiveOrZero Long failoverTimeoutSeconds,
    @JsonProperty("reconcileIntervalSeconds") @Min(1) Long reconcileIntervalSeconds,
    @JsonProperty("reconcileWaitSeconds") @PositiveOrZero Long reconcileWaitSeconds,
    @JsonProperty("executorJar") String executorJar,
    @JsonProperty("executorUri") String executorUri,
    @JsonProperty("executorCpus") @PositiveOrZero Double executorCpus,
    @JsonProperty("executorMemMb") @PositiveOrZero Double executorMemMb) {

  public MesosConfig {
    master = orDefault(master, "http://127.0.0.1:5050");
    encoding = orDefault(encoding, "protobuf");
    frameworkName = orDefault(frameworkName, "berth");
    user = orDefault(user, "root");
    roles = orDefault(roles, "*");
    principal = blank(principal) ? null : principal;
    secret = blank(secret) ? null : secret;
    failoverTimeoutSeconds = failoverTimeoutSeconds != null ? failoverTimeoutSeconds
        : FrameworkSettings.DEFAULT_FAILOVER_TIMEOUT.toSeconds();
    reconcileIntervalSeconds = reconcileIntervalSeconds != null ? reconcileIntervalSeconds : 900L;
    reconcileWaitSeconds = reconcileWaitSeconds != null ? reconcileWaitSeconds : 30L;
    executorJar = blank(executorJar) ? null : executorJar;
    executorUri = blank(executorUri) ? null : executorUri;
    executorCpus = executorCpus != null ? executorCpus : 0.1;
    executorMemMb = executorMemMb != null ? executorMemMb : 128.0;
    Encoding.fromConfig(encoding); // fails with a message naming the rule
  }

  public static MesosConfig defaults() {
    return new MesosConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public MesosConfig withMaster(String value) {
    return new MesosConfig(value, encoding, frameworkName, user, roles, principal, secret, failoverTimeoutSeconds,
        reconcileIntervalSeconds, reconcileWaitSeconds, executorJar, executorUri, executorCpus, executorMemMb);
  }

  public FrameworkSettings framework() {
    List<String> list = Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    return new FrameworkSettings(frameworkName, user, list, Duration.ofSeconds(failoverTimeoutSeconds), principal);
  }

  /** What every task costs on top of its app: the executor's JVM. */
  public Resources executorResources() {
    return new Resources(executorCpus, executorMemMb, 0, 0);
  }

  public Duration reconcileInterval() {
    return Duration.ofSeconds(reconcileIntervalSeconds);
  }

  public Duration reconcileWait() {
    return Duration.ofSeconds(reconcileWaitSeconds);
  }

  private static String orDefault(String value, String fallback) {
    return blank(value) ? fallback : value.trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
