package io.berth.scheduler.engine;

import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.PortDefinition;
import io.berth.api.model.PortMapping;
import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.matching.Constraint;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleResources;
import io.berth.scheduler.core.matching.WaitingInstance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an app and one of its instances into what the matcher needs (resources, ports, roles,
 * constraints) and what the executor needs (the task payload). The fluentd helper's host port is
 * taken from the offer like the app's ports: it is the last port an instance asks for.
 */
final class TaskPayloads {

  /** The label that switches the helper containers off for one app ({@code "off"}). */
  static final String HELPERS_LABEL = "berth.helpers";

  private final HelperConfig helpers;
  private final Resources overhead;

  TaskPayloads(HelperConfig helpers) {
    this(helpers, Resources.NONE);
  }

  /** {@code overhead}: what the cluster adds to every task (see {@code ClusterDriver.taskOverhead}). */
  TaskPayloads(HelperConfig helpers, Resources overhead) {
    this.helpers = helpers;
    this.overhead = overhead;
  }

  boolean helpersOn(App app) {
    return helpers.on() && !"off".equalsIgnoreCase(app.labels().getOrDefault(HELPERS_LABEL, "on"));
  }

  WaitingInstance waiting(App app, Instance instance) {
    List<Integer> ports = new ArrayList<>(appPorts(app));
    if (helpersOn(app)) {
      ports.add(0);
    }
    Set<String> roles = app.acceptedResourceRoles() == null || app.acceptedResourceRoles().isEmpty()
        ? Set.of(RoleResources.DEFAULT_ROLE) : new HashSet<>(app.acceptedResourceRoles());
    List<Constraint> constraints = app.constraints().stream().map(Constraint::parse).toList();
    return new WaitingInstance(instance.id().value(), app.id(),
        new Resources(app.cpus() + overhead.cpus(), app.mem() + overhead.memMb(), app.disk() + overhead.diskMb(),
            app.gpus() + overhead.gpus()), ports, roles, constraints);
  }

  /** The host ports the app asks for, in port order: 0 for any port, else that exact port. */
  static List<Integer> appPorts(App app) {
    String network = app.container() == null ? "HOST" : app.container().networkMode();
    List<Integer> out = new ArrayList<>();
    if (network.equals("BRIDGE") || network.equals("USER")) {
      for (PortMapping m : app.container().effectivePortMappings()) {
        out.add(m.hostPort() == null ? 0 : m.hostPort());
      }
    } else {
      for (PortDefinition d : app.portDefinitions()) {
        out.add(app.requirePorts() && d.port() != null ? d.port() : 0);
      }
    }
    return out;
  }

  TaskPayload payload(App app, Instance instance) {
    boolean on = helpersOn(app);
    List<Integer> all = instance.hostPorts();
    int appPortCount = appPorts(app).size();
    List<Integer> appPorts = all.subList(0, Math.min(appPortCount, all.size()));
    int fluentdPort = on && all.size() > appPortCount ? all.get(appPortCount) : 0;
    HelperSettings settings = on
        ? new HelperSettings(fluentdPort != 0, helpers.fluentdImage(), helpers.fluentdCommand(), true,
            helpers.sensuImage(), helpers.sensuCommand(), helpers.sensuBackendUrl(), helpers.sensuNamespace())
        : HelperSettings.off();
    return new TaskPayload(instance.id().value(), app, instance.host(), instance.agentId(), appPorts,
        fluentdPort, settings, helpers.defaultImage());
  }
}
