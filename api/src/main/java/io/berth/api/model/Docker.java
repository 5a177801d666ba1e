package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code container.docker}: the image and how to run it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Docker(
    String image,
    String network,
    List<PortMapping> portMappings,
    List<Parameter> parameters,
    Boolean privileged,
    Boolean forcePullImage) {

  public Docker {
    portMappings = Copies.list(portMappings);
    parameters = Copies.list(parameters);
  }

  public static Docker image(String image) {
    return new Docker(image, null, null, null, null, null);
  }
}
