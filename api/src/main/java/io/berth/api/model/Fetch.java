package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An artifact fetched into the sandbox before the task starts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fetch(String uri, Boolean extract, Boolean executable, Boolean cache, String destPath) {

  public static Fetch of(String uri) {
    return new Fetch(uri, true, false, false, null);
  }

  Fetch normalized() {
    return new Fetch(uri, extract == null ? Boolean.TRUE : extract,
        executable == null ? Boolean.FALSE : executable, cache == null ? Boolean.FALSE : cache, destPath);
  }
}
