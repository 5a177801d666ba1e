package io.berth.api.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Marathon's defaults and normalizations (AppNormalization), kept in one place. */
final class AppDefaults {

  static final int INSTANCES = 1;
  static final double CPUS = 1.0;
  static final double MEM = 128.0;
  static final double DISK = 0.0;
  static final int BACKOFF_SECONDS = 1;
  static final double BACKOFF_FACTOR = 1.15;
  static final int MAX_LAUNCH_DELAY_SECONDS = 300;

  private AppDefaults() {}

  static App apply(App app) {
    Container container = app.container() == null ? null : withNetworkMode(app, app.container().normalized());
    boolean hostNetworking = "HOST".equals(NetworkRules.networkMode(app));
    return app.withoutStatus().toBuilder()
        .id(app.id() == null ? null : PathId.canonical(app.id()))
        .args(app.args())
        .env(app.env() == null ? Map.of() : app.env())
        .instances(or(app.instances(), INSTANCES))
        .cpus(or(app.cpus(), CPUS))
        .mem(or(app.mem(), MEM))
        .disk(or(app.disk(), DISK))
        .gpus(or(app.gpus(), 0))
        .constraints(app.constraints() == null ? List.of() : app.constraints())
        .acceptedResourceRoles(app.acceptedResourceRoles())
        .container(container)
        .portDefinitions(portDefinitions(app, hostNetworking))
        .ports(null)
        .requirePorts(app.requirePorts() == null ? Boolean.FALSE : app.requirePorts())
        .labels(app.labels() == null ? Map.of() : app.labels())
        .healthChecks(app.healthChecks() == null ? List.of()
            : app.healthChecks().stream().map(h -> h == null ? null : h.normalized()).toList())
        .readinessChecks(app.readinessChecks() == null ? List.of()
            : app.readinessChecks().stream().map(r -> r == null ? null : r.normalized()).toList())
        .upgradeStrategy(app.upgradeStrategy() == null ? UpgradeStrategy.DEFAULT
            : app.upgradeStrategy().normalized())
        .backoffSeconds(or(app.backoffSeconds(), BACKOFF_SECONDS))
        .backoffFactor(or(app.backoffFactor(), BACKOFF_FACTOR))
        .maxLaunchDelaySeconds(or(app.maxLaunchDelaySeconds(), MAX_LAUNCH_DELAY_SECONDS))
        .killSelection(app.killSelection() == null ? KillSelection.YOUNGEST_FIRST.name() : app.killSelection())
        .dependencies(app.dependencies() == null ? List.of()
            : app.dependencies().stream().map(d -> d == null ? null : PathId.resolve(app.id(), d)).toList())
        .fetch(fetch(app))
        .uris(null)
        .secrets(app.secrets() == null ? Map.of() : app.secrets())
        .unreachableStrategy(app.unreachableStrategy() == null ? UnreachableStrategy.DEFAULT
            : app.unreachableStrategy().normalized())
        .networks(app.networks() == null ? List.of() : app.networks())
        .build();
  }

  /**
   * A Docker container of an app that gives its networking as {@code networks} gets the matching
   * {@code docker.network}, so that {@link Container#networkMode()} tells the truth on its own.
   */
  private static Container withNetworkMode(App app, Container c) {
    Docker d = c.docker();
    String fromNetworks = NetworkRules.fromNetworks(app.networks());
    if (d == null || d.network() != null || fromNetworks == null) {
      return c;
    }
    Docker withNetwork = new Docker(d.image(), fromNetworks, d.portMappings(), d.parameters(), d.privileged(),
        d.forcePullImage());
    return new Container(c.type(), withNetwork, c.volumes(), c.portMappings());
  }

  /** Deprecated {@code ports} become portDefinitions; HOST networking gets one dynamic port by default. */
  private static List<PortDefinition> portDefinitions(App app, boolean hostNetworking) {
    if (app.portDefinitions() != null) {
      return app.portDefinitions().stream().map(p -> p == null ? null : p.normalized()).toList();
    }
    if (app.ports() != null) {
      List<PortDefinition> out = new ArrayList<>();
      for (Integer port : app.ports()) {
        out.add(new PortDefinition(port, "tcp", null, Map.of()));
      }
      return out;
    }
    if (hostNetworking) {
      return List.of(new PortDefinition(0, "tcp", "default", Map.of()));
    }
    return List.of();
  }

  /** Deprecated {@code uris} become fetch entries (after the given fetch entries, skipping URIs they name). */
  private static List<Fetch> fetch(App app) {
    List<Fetch> out = new ArrayList<>();
    Set<String> named = new HashSet<>();
    if (app.fetch() != null) {
      for (Fetch f : app.fetch()) {
        out.add(f == null ? null : f.normalized());
        named.add(f == null ? null : f.uri());
      }
    }
    if (app.uris() != null) {
      for (String uri : app.uris()) {
        if (named.add(uri)) {
          out.add(uri == null ? null : Fetch.of(uri));
        }
      }
    }
    return out;
  }

  private static int or(Integer v, int d) {
    return v == null ? d : v;
  }

  private static double or(Double v, double d) {
    return v == null ? d : v;
  }
}
