package io.berth.scheduler.core.apps;

import io.berth.api.model.App;
import io.berth.api.model.Container;
import io.berth.api.model.Docker;
import io.berth.api.model.VersionInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test data for the scheduler's app code: {@code anApp("/team/web")} is a valid command app
 * ({@code sleep 1000}); each {@code with…} says the one thing a test is about. {@link #build()} is
 * the definition as a user sends it, {@link #normalized()} what Berth stores, {@link #at(String)}
 * a stored definition at a version.
 */
public final class AppBuilder {

  private final App.Builder app;
  private final Map<String, String> labels = new LinkedHashMap<>();

  private AppBuilder(String id) {
    this.app = App.builder().id(id).cmd("sleep 1000");
  }

  public static AppBuilder anApp(String id) {
    return new AppBuilder(id);
  }

  public AppBuilder withInstances(int instances) {
    app.instances(instances);
    return this;
  }

  public AppBuilder withCmd(String cmd) {
    app.cmd(cmd);
    return this;
  }

  public AppBuilder withMem(double mem) {
    app.mem(mem);
    return this;
  }

  public AppBuilder withCpus(double cpus) {
    app.cpus(cpus);
    return this;
  }

  public AppBuilder withLabel(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** A Docker app: the image instead of a command. */
  public AppBuilder withDockerImage(String image) {
    app.cmd(null).container(Container.docker(Docker.image(image)));
    return this;
  }

  public App build() {
    return app.labels(labels.isEmpty() ? null : Map.copyOf(labels)).build();
  }

  public App normalized() {
    return build().normalized();
  }

  /** The normalized definition as stored at {@code version}, last configured then too. */
  public App at(String version) {
    return normalized().withVersion(version, new VersionInfo(version, version));
  }
}
