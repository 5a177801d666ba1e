package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A container port published on the host (BRIDGE networking). {@code hostPort} 0 = taken from the offer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortMapping(
    Integer containerPort,
    Integer hostPort,
    Integer servicePort,
    String protocol,
    String name,
    Map<String, String> labels) {

  public PortMapping {
    labels = Copies.map(labels);
  }

  public static PortMapping of(int containerPort) {
    return new PortMapping(containerPort, 0, 0, "tcp", null, null);
  }

  PortMapping normalized() {
    return new PortMapping(
        orZero(containerPort), orZero(hostPort), orZero(servicePort),
        protocol == null ? "tcp" : protocol, name, labels == null ? Map.of() : labels);
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
