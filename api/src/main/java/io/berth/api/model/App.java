package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A Marathon v2 app definition, as it travels on the wire.
 *
 * <p>Every field is nullable: {@code null} means "not given", which matters for
 * {@code partialUpdate} and PATCH. {@link #normalized()} fills Marathon's defaults; what is stored
 * and compared is always the normalized form. The status fields at the end
 * ({@code tasksStaged} … {@code lastTaskFailure}) are only set by the server on reads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record App(
    String id,
    String cmd,
    List<String> args,
    String user,
    Map<String, EnvValue> env,
    Integer instances,
    Double cpus,
    Double mem,
    Double disk,
    Integer gpus,
    List<List<String>> constraints,
    List<String> acceptedResourceRoles,
    Container container,
    List<PortDefinition> portDefinitions,
    List<Integer> ports,
    Boolean requirePorts,
    Map<String, String> labels,
    List<HealthCheck> healthChecks,
    List<ReadinessCheck> readinessChecks,
    UpgradeStrategy upgradeStrategy,
    Integer backoffSeconds,
    Double backoffFactor,
    Integer maxLaunchDelaySeconds,
    String killSelection,
    Integer taskKillGracePeriodSeconds,
    List<String> dependencies,
    List<Fetch> fetch,
    List<String> uris,
    Map<String, SecretSource> secrets,
    UnreachableStrategy unreachableStrategy,
    List<Network> networks,
    String version,
    VersionInfo versionInfo,
    Integer tasksStaged,
    Integer tasksRunning,
    Integer tasksHealthy,
    Integer tasksUnhealthy,
    List<DeploymentRef> deployments,
    List<Task> tasks,
    TaskFailure lastTaskFailure) {

  public App {
    args = Copies.list(args);
    env = Copies.map(env);
    constraints = constraints == null ? null
        : Copies.list(constraints.stream().map(Copies::list).collect(java.util.stream.Collectors.toList()));
    acceptedResourceRoles = Copies.list(acceptedResourceRoles);
    portDefinitions = Copies.list(portDefinitions);
    ports = Copies.list(ports);
    labels = Copies.map(labels);
    healthChecks = Copies.list(healthChecks);
    readinessChecks = Copies.list(readinessChecks);
    dependencies = Copies.list(dependencies);
    fetch = Copies.list(fetch);
    uris = Copies.list(uris);
    secrets = Copies.map(secrets);
    networks = Copies.list(networks);
    deployments = Copies.list(deployments);
    tasks = Copies.list(tasks);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.cmd = cmd;
    b.args = args;
    b.user = user;
    b.env = env;
    b.instances = instances;
    b.cpus = cpus;
    b.mem = mem;
    b.disk = disk;
    b.gpus = gpus;
    b.constraints = constraints;
    b.acceptedResourceRoles = acceptedResourceRoles;
    b.container = container;
    b.portDefinitions = portDefinitions;
    b.ports = ports;
    b.requirePorts = requirePorts;
    b.labels = labels;
    b.healthChecks = healthChecks;
    b.readinessChecks = readinessChecks;
    b.upgradeStrategy = upgradeStrategy;
    b.backoffSeconds = backoffSeconds;
    b.backoffFactor = backoffFactor;
    b.maxLaunchDelaySeconds = maxLaunchDelaySeconds;
    b.killSelection = killSelection;
    b.taskKillGracePeriodSeconds = taskKillGracePeriodSeconds;
    b.dependencies = dependencies;
    b.fetch = fetch;
    b.uris = uris;
    b.secrets = secrets;
    b.unreachableStrategy = unreachableStrategy;
    b.networks = networks;
    b.version = version;
    b.versionInfo = versionInfo;
    b.tasksStaged = tasksStaged;
    b.tasksRunning = tasksRunning;
    b.tasksHealthy = tasksHealthy;
    b.tasksUnhealthy = tasksUnhealthy;
    b.deployments = deployments;
    b.tasks = tasks;
    b.lastTaskFailure = lastTaskFailure;
    return b;
  }

  /** Marathon's defaults applied: what Berth stores and compares. Status fields are dropped. */
  public App normalized() {
    return AppDefaults.apply(this);
  }

  /** The definition without the server-computed status fields. */
  public App withoutStatus() {
    return toBuilder().tasksStaged(null).tasksRunning(null).tasksHealthy(null).tasksUnhealthy(null)
        .deployments(null).tasks(null).lastTaskFailure(null).build();
  }

  public App withVersion(String version, VersionInfo versionInfo) {
    return toBuilder().version(version).versionInfo(versionInfo).build();
  }

  public App withInstances(int instances) {
    return toBuilder().instances(instances).build();
  }

  /** A mutable builder, so tests and clients can say only what matters. */
  public static final class Builder {
    private String id;
    private String cmd;
    private List<String> args;
    private String user;
    private Map<String, EnvValue> env;
    private Integer instances;
    private Double cpus;
    private Double mem;
    private Double disk;
    private Integer gpus;
    private List<List<String>> constraints;
    private List<String> acceptedResourceRoles;
    private Container container;
    private List<PortDefinition> portDefinitions;
    private List<Integer> ports;
    private Boolean requirePorts;
    private Map<String, String> labels;
    private List<HealthCheck> healthChecks;
    private List<ReadinessCheck> readinessChecks;
    private UpgradeStrategy upgradeStrategy;
    private Integer backoffSeconds;
    private Double backoffFactor;
    private Integer maxLaunchDelaySeconds;
    private String killSelection;
    private Integer taskKillGracePeriodSeconds;
    private List<String> dependencies;
    private List<Fetch> fetch;
    private List<String> uris;
    private Map<String, SecretSource> secrets;
    private UnreachableStrategy unreachableStrategy;
    private List<Network> networks;
    private String version;
    private VersionInfo versionInfo;
    private Integer tasksStaged;
    private Integer tasksRunning;
    private Integer tasksHealthy;
    private Integer tasksUnhealthy;
    private List<DeploymentRef> deployments;
    private List<Task> tasks;
    private TaskFailure lastTaskFailure;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder cmd(String cmd) {
      this.cmd = cmd;
      return this;
    }

    public Builder args(List<String> args) {
      this.args = args;
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder env(Map<String, EnvValue> env) {
      this.env = env;
      return this;
    }

    public Builder instances(Integer instances) {
      this.instances = instances;
      return this;
    }

    public Builder cpus(Double cpus) {
      this.cpus = cpus;
      return this;
    }

    public Builder mem(Double mem) {
      this.mem = mem;
      return this;
    }

    public Builder disk(Double disk) {
      this.disk = disk;
      return this;
    }

    public Builder gpus(Integer gpus) {
      this.gpus = gpus;
      return this;
    }

    public Builder constraints(List<List<String>> constraints) {
      this.constraints = constraints;
      return this;
    }

    public Builder acceptedResourceRoles(List<String> acceptedResourceRoles) {
      this.acceptedResourceRoles = acceptedResourceRoles;
      return this;
    }

    public Builder container(Container container) {
      this.container = container;
      return this;
    }

    public Builder portDefinitions(List<PortDefinition> portDefinitions) {
      this.portDefinitions = portDefinitions;
      return this;
    }

    public Builder ports(List<Integer> ports) {
      this.ports = ports;
      return this;
    }

    public Builder requirePorts(Boolean requirePorts) {
      this.requirePorts = requirePorts;
      return this;
    }

    public Builder labels(Map<String, String> labels) {
      this.labels = labels;
      return this;
    }

    public Builder healthChecks(List<HealthCheck> healthChecks) {
      this.healthChecks = healthChecks;
      return this;
    }

    public Builder readinessChecks(List<ReadinessCheck> readinessChecks) {
      this.readinessChecks = readinessChecks;
      return this;
    }

    public Builder upgradeStrategy(UpgradeStrategy upgradeStrategy) {
      this.upgradeStrategy = upgradeStrategy;
      return this;
    }

    public Builder backoffSeconds(Integer backoffSeconds) {
      this.backoffSeconds = backoffSeconds;
      return this;
    }

    public Builder backoffFactor(Double backoffFactor) {
      this.backoffFactor = backoffFactor;
      return this;
    }

    public Builder maxLaunchDelaySeconds(Integer maxLaunchDelaySeconds) {
      this.maxLaunchDelaySeconds = maxLaunchDelaySeconds;
      return this;
    }

    public Builder killSelection(String killSelection) {
      this.killSelection = killSelection;
      return this;
    }

    public Builder taskKillGracePeriodSeconds(Integer taskKillGracePeriodSeconds) {
      this.taskKillGracePeriodSeconds = taskKillGracePeriodSeconds;
      return this;
    }

    public Builder dependencies(List<String> dependencies) {
      this.dependencies = dependencies;
      return this;
    }

    public Builder fetch(List<Fetch> fetch) {
      this.fetch = fetch;
      return this;
    }

    public Builder uris(List<String> uris) {
      this.uris = uris;
      return this;
    }

    public Builder secrets(Map<String, SecretSource> secrets) {
      this.secrets = secrets;
      return this;
    }

    public Builder unreachableStrategy(UnreachableStrategy unreachableStrategy) {
      this.unreachableStrategy = unreachableStrategy;
      return this;
    }

    public Builder networks(List<Network> networks) {
      this.networks = networks;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder versionInfo(VersionInfo versionInfo) {
      this.versionInfo = versionInfo;
      return this;
    }

    public Builder tasksStaged(Integer tasksStaged) {
      this.tasksStaged = tasksStaged;
      return this;
    }

    public Builder tasksRunning(Integer tasksRunning) {
      this.tasksRunning = tasksRunning;
      return this;
    }

    public Builder tasksHealthy(Integer tasksHealthy) {
      this.tasksHealthy = tasksHealthy;
      return this;
    }

    public Builder tasksUnhealthy(Integer tasksUnhealthy) {
      this.tasksUnhealthy = tasksUnhealthy;
      return this;
    }

    public Builder deployments(List<DeploymentRef> deployments) {
      this.deployments = deployments;
      return this;
    }

    public Builder tasks(List<Task> tasks) {
      this.tasks = tasks;
      return this;
    }

    public Builder lastTaskFailure(TaskFailure lastTaskFailure) {
      this.lastTaskFailure = lastTaskFailure;
      return this;
    }

    public App build() {
      return new App(id, cmd, args, user, env, instances, cpus, mem, disk, gpus, constraints, acceptedResourceRoles, container, portDefinitions, ports, requirePorts, labels, healthChecks, readinessChecks, upgradeStrategy, backoffSeconds, backoffFactor, maxLaunchDelaySeconds, killSelection, taskKillGracePeriodSeconds, dependencies, fetch, uris, secrets, unreachableStrategy, networks, version, versionInfo, tasksStaged, tasksRunning, tasksHealthy, tasksUnhealthy, deployments, tasks, lastTaskFailure);
    }
  }
}
