package io.berth.api.model;

import java.util.List;

/**
 * The app's networking, from either place Marathon accepts it: the deprecated
 * {@code container.docker.network} or the {@code networks} list; and Marathon's rules for that list.
 */
final class NetworkRules {

  private NetworkRules() {}

  /** BRIDGE, HOST, NONE or USER: {@code docker.network} when given, else what {@code networks} say, else HOST. */
  static String networkMode(App app) {
    Docker docker = app.container() == null ? null : app.container().docker();
    if (docker != null && docker.network() != null) {
      return docker.network();
    }
    String fromNetworks = fromNetworks(app.networks());
    return fromNetworks != null ? fromNetworks : "HOST";
  }

  /** The Docker network mode the {@code networks} list stands for, or {@code null} when it says nothing. */
  static String fromNetworks(List<Network> networks) {
    if (networks == null) {
      return null;
    }
    for (Network n : networks) {
      String mode = n == null ? null : dockerMode(n.mode());
      if (mode != null) {
        return mode;
      }
    }
    return null;
  }

  private static String dockerMode(String networkMode) {
    if (networkMode == null) {
      return null;
    }
    return switch (networkMode) {
      case "host" -> "HOST";
      case "container/bridge" -> "BRIDGE";
      case "container" -> "USER";
      default -> null;
    };
  }

  static void check(App app, Violations v) {
    List<Network> networks = app.networks();
    int host = 0;
    int bridge = 0;
    int container = 0;
    for (int i = 0; i < networks.size(); i++) {
      Network n = networks.get(i);
      String path = "/networks/" + i;
      if (n == null || n.mode() == null || !AppValidator.NETWORK_MODES.contains(n.mode())) {
        v.add(path + "/mode", "must be one of " + String.join(", ", AppValidator.NETWORK_MODES));
        continue;
      }
      boolean named = n.name() != null && !n.name().isEmpty();
      switch (n.mode()) {
        case "host" -> {
          host++;
          v.require(!named && (n.labels() == null || n.labels().isEmpty()), path,
              "host networks may not have names or labels");
        }
        case "container/bridge" -> {
          bridge++;
          v.require(!named, path + "/name", "bridge networks may not have names");
        }
        default -> {
          container++;
          v.require(named, path + "/name", "must be given for a container network");
        }
      }
    }
    boolean oneKind = (bridge == 0 && container == 0 && host <= 1)
        || (host == 0 && container == 0 && bridge <= 1)
        || (host == 0 && bridge == 0);
    v.require(oneKind, "/networks",
        "may specify a single host network, a single bridge network, or else 1 to n container networks");
    if (app.container() != null && "DOCKER".equals(app.container().type())) {
      v.require(container <= 1, "/networks",
          "may only specify a single container network when using the Docker container engine");
    }
    Docker docker = app.container() == null ? null : app.container().docker();
    String fromNetworks = fromNetworks(networks);
    if (docker != null && docker.network() != null && fromNetworks != null
        && !docker.network().equals(fromNetworks)) {
      v.add("/container/docker/network", "must agree with networks (" + fromNetworks
          + "): give networking in one place only");
    }
  }
}
