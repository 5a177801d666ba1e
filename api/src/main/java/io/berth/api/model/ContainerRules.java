package io.berth.api.model;

import java.util.List;

/** Rules for {@code container}: type, image, network, parameters and volumes. */
final class ContainerRules {

  private ContainerRules() {}

  static void check(Container c, Violations v) {
    if (c == null) {
      return;
    }
    v.oneOf(c.type(), AppValidator.CONTAINER_TYPES, "/container/type");
    Docker d = c.docker();
    if ("DOCKER".equals(c.type())) {
      if (d == null) {
        v.add("/container/docker", "must be given for a DOCKER container");
      } else {
        v.require(d.image() != null && !d.image().isBlank(), "/container/docker/image", "must not be empty");
        if (d.image() != null && d.image().chars().anyMatch(Character::isWhitespace)) {
          v.add("/container/docker/image", "must not contain whitespace");
        }
      }
    }
    if (d != null) {
      v.oneOf(d.network(), AppValidator.DOCKER_NETWORKS, "/container/docker/network");
      List<Parameter> params = d.parameters() == null ? List.of() : d.parameters();
      for (int i = 0; i < params.size(); i++) {
        Parameter p = params.get(i);
        v.require(p != null && p.key() != null && !p.key().isBlank(),
            "/container/docker/parameters/" + i + "/key", "must not be empty");
        v.require(p != null && p.value() != null, "/container/docker/parameters/" + i + "/value", "must be given");
      }
    }
    List<Volume> volumes = c.volumes() == null ? List.of() : c.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume vol = volumes.get(i);
      String path = "/container/volumes/" + i;
      if (vol == null) {
        v.add(path, "must not be null");
        continue;
      }
      v.require(vol.containerPath() != null && !vol.containerPath().isBlank(), path + "/containerPath",
          "must not be empty");
      v.require(vol.hostPath() != null && !vol.hostPath().isBlank(), path + "/hostPath",
          "must not be empty (only host volumes are supported)");
      v.require(vol.mode() != null && AppValidator.VOLUME_MODES.contains(vol.mode()), path + "/mode",
          "must be one of RO, RW");
    }
  }
}
