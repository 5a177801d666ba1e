package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A network the app joins: mode {@code host}, {@code container/bridge} or {@code container}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Network(String name, String mode, Map<String, String> labels) {
  public Network {
    labels = Copies.map(labels);
  }
}
