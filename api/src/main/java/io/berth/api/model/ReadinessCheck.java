package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Gates a deployment step (not a kill). The Marathon Java client sends unset
 * {@code intervalSeconds}/{@code timeoutSeconds} as 0; 0 means "the default" here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadinessCheck(
    String name,
    String protocol,
    String path,
    String portName,
    Integer intervalSeconds,
    Integer timeoutSeconds,
    List<Integer> httpStatusCodesForReady,
    Boolean preserveLastResponse) {

  public ReadinessCheck {
    httpStatusCodesForReady = Copies.list(httpStatusCodesForReady);
  }

  ReadinessCheck normalized() {
    return new ReadinessCheck(
        name == null ? "readinessCheck" : name,
        protocol == null ? "HTTP" : protocol,
        path == null ? "/" : path,
        portName == null ? "http-api" : portName,
        intervalSeconds == null || intervalSeconds == 0 ? Integer.valueOf(30) : intervalSeconds,
        timeoutSeconds == null || timeoutSeconds == 0 ? Integer.valueOf(10) : timeoutSeconds,
        httpStatusCodesForReady == null ? List.of(200) : httpStatusCodesForReady,
        preserveLastResponse == null ? Boolean.FALSE : preserveLastResponse);
  }
}
