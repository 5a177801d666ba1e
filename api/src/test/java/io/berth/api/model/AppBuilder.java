package io.berth.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data: {@code anApp()} is a valid command app ({@code /team/web}, {@code sleep 1000}); each
 * {@code with…} says the one thing a test is about. {@link #build()} gives the definition as a user
 * would send it, {@link #normalized()} what Berth stores.
 */
final class AppBuilder {

  private final App.Builder app = App.builder().id("/team/web").cmd("sleep 1000");
  private Docker docker;
  private String containerType;
  private List<PortMapping> containerPortMappings;
  private List<Volume> volumes;
  private final List<List<String>> constraints = new ArrayList<>();
  private final List<HealthCheck> healthChecks = new ArrayList<>();
  private final List<ReadinessCheck> readinessChecks = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, EnvValue> env = new LinkedHashMap<>();
  private final Map<String, SecretSource> secrets = new LinkedHashMap<>();

  private AppBuilder() {}

  static AppBuilder anApp() {
    return new AppBuilder();
  }

  /** A Docker app with image {@code nginx:1.25} and no command. */
  static AppBuilder aDockerApp() {
    return anApp().withoutCmd().withDockerImage("nginx:1.25");
  }

  AppBuilder withId(String id) {
    app.id(id);
    return this;
  }

  AppBuilder withCmd(String cmd) {
    app.cmd(cmd);
    return this;
  }

  AppBuilder withoutCmd() {
    app.cmd(null);
    return this;
  }

  AppBuilder withArgs(String... args) {
    app.args(Arrays.asList(args));
    return this;
  }

  AppBuilder withUser(String user) {
    app.user(user);
    return this;
  }

  AppBuilder withInstances(int instances) {
    app.instances(instances);
    return this;
  }

  AppBuilder withCpus(double cpus) {
    app.cpus(cpus);
    return this;
  }

  AppBuilder withMem(double mem) {
    app.mem(mem);
    return this;
  }

  AppBuilder withDisk(double disk) {
    app.disk(disk);
    return this;
  }

  AppBuilder withGpus(int gpus) {
    app.gpus(gpus);
    return this;
  }

  AppBuilder withBackoff(Integer seconds, Double factor, Integer maxLaunchDelaySeconds) {
    app.backoffSeconds(seconds).backoffFactor(factor).maxLaunchDelaySeconds(maxLaunchDelaySeconds);
    return this;
  }

  AppBuilder withKillSelection(String killSelection) {
    app.killSelection(killSelection);
    return this;
  }

  AppBuilder withTaskKillGracePeriodSeconds(int seconds) {
    app.taskKillGracePeriodSeconds(seconds);
    return this;
  }

  AppBuilder withConstraint(String... fieldOperatorValue) {
    constraints.add(Arrays.asList(fieldOperatorValue));
    return this;
  }

  AppBuilder withAcceptedResourceRoles(String... roles) {
    app.acceptedResourceRoles(Arrays.asList(roles));
    return this;
  }

  AppBuilder withLabel(String name, String value) {
    labels.put(name, value);
    return this;
  }

  AppBuilder withEnv(String name, String value) {
    env.put(name, value == null ? null : EnvValue.of(value));
    return this;
  }

  AppBuilder withSecretEnv(String name, String secret) {
    env.put(name, EnvValue.secretRef(secret));
    return this;
  }

  AppBuilder withSecret(String name, String source) {
    secrets.put(name, new SecretSource(source));
    return this;
  }

  AppBuilder withUpgradeStrategy(Double minimumHealthCapacity, Double maximumOverCapacity) {
    app.upgradeStrategy(new UpgradeStrategy(minimumHealthCapacity, maximumOverCapacity));
    return this;
  }

  AppBuilder withUnreachableStrategy(UnreachableStrategy strategy) {
    app.unreachableStrategy(strategy);
    return this;
  }

  AppBuilder withDependencies(String... ids) {
    app.dependencies(Arrays.asList(ids));
    return this;
  }

  AppBuilder withFetch(Fetch... fetch) {
    app.fetch(Arrays.asList(fetch));
    return this;
  }

  AppBuilder withUris(String... uris) {
    app.uris(Arrays.asList(uris));
    return this;
  }

  AppBuilder withPorts(Integer... ports) {
    app.ports(Arrays.asList(ports));
    return this;
  }

  AppBuilder withPortDefinitions(PortDefinition... defs) {
    app.portDefinitions(Arrays.asList(defs));
    return this;
  }

  AppBuilder withNetworks(Network... networks) {
    app.networks(Arrays.asList(networks));
    return this;
  }

  AppBuilder withDockerImage(String image) {
    docker = new Docker(image, docker == null ? null : docker.network(), docker == null ? null : docker.portMappings(),
        docker == null ? null : docker.parameters(), null, null);
    return this;
  }

  AppBuilder withDocker(Docker docker) {
    this.docker = docker;
    return this;
  }

  AppBuilder withContainerType(String type) {
    this.containerType = type;
    return this;
  }

  /** Docker networking the old way, {@code container.docker.network}. */
  AppBuilder withDockerNetwork(String network) {
    docker = new Docker(docker == null ? "nginx:1.25" : docker.image(), network,
        docker == null ? null : docker.portMappings(), docker == null ? null : docker.parameters(), null, null);
    return this;
  }

  AppBuilder withBridgeNetworking() {
    return withDockerNetwork("BRIDGE");
  }

  AppBuilder withPortMappings(PortMapping... mappings) {
    containerPortMappings = Arrays.asList(mappings);
    return this;
  }

  AppBuilder withVolumes(Volume... vols) {
    volumes = Arrays.asList(vols);
    return this;
  }

  AppBuilder withHealthCheck(HealthCheck check) {
    healthChecks.add(check);
    return this;
  }

  AppBuilder withReadinessCheck(ReadinessCheck check) {
    readinessChecks.add(check);
    return this;
  }

  App build() {
    App.Builder b = app.build().toBuilder();
    if (docker != null || containerType != null || containerPortMappings != null || volumes != null) {
      b.container(new Container(containerType, docker, volumes, containerPortMappings));
    }
    if (!constraints.isEmpty()) {
      b.constraints(constraints);
    }
    if (!healthChecks.isEmpty()) {
      b.healthChecks(healthChecks);
    }
    if (!readinessChecks.isEmpty()) {
      b.readinessChecks(readinessChecks);
    }
    if (!labels.isEmpty()) {
      b.labels(labels);
    }
    if (!env.isEmpty()) {
      b.env(env);
    }
    if (!secrets.isEmpty()) {
      b.secrets(secrets);
    }
    return b.build();
  }

  App normalized() {
    return build().normalized();
  }
}
