package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A port an app needs on the host (HOST networking). {@code port} 0 = assigned. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortDefinition(Integer port, String protocol, String name, Map<String, String> labels) {

  public PortDefinition {
    labels = Copies.map(labels);
  }

  public static PortDefinition of(int port) {
    return new PortDefinition(port, "tcp", null, null);
  }

  PortDefinition normalized() {
    return new PortDefinition(
        port == null ? 0 : port, protocol == null ? "tcp" : protocol, name,
        labels == null ? Map.of() : labels);
  }
}
