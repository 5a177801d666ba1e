package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code container}: DOCKER (default) or MESOS, with volumes and port mappings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(String type, Docker docker, List<Volume> volumes, List<PortMapping> portMappings) {

  public Container {
    volumes = Copies.list(volumes);
    portMappings = Copies.list(portMappings);
  }

  public static Container docker(Docker docker) {
    return new Container("DOCKER", docker, null, null);
  }

  /** Port mappings from either place Marathon accepts ({@code container} or the deprecated {@code docker}). */
  public List<PortMapping> effectivePortMappings() {
    if (portMappings != null && !portMappings.isEmpty()) {
      return portMappings;
    }
    if (docker != null && docker.portMappings() != null) {
      return docker.portMappings();
    }
    return List.of();
  }

  /** The Docker network mode: BRIDGE, HOST, NONE or USER; HOST when unset. */
  public String networkMode() {
    return docker != null && docker.network() != null ? docker.network() : "HOST";
  }

  Container normalized() {
    Docker d = docker == null ? null : new Docker(
        docker.image(), docker.network(), null,
        docker.parameters() == null ? List.of() : docker.parameters(),
        docker.privileged() == null ? Boolean.FALSE : docker.privileged(),
        docker.forcePullImage() == null ? Boolean.FALSE : docker.forcePullImage());
    return new Container(
        type == null ? "DOCKER" : type, d,
        volumes == null ? List.of() : volumes,
        effectivePortMappings().stream().map(p -> p == null ? null : p.normalized()).toList());
  }
}
