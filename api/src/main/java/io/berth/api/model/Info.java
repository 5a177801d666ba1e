package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code GET /v2/info}, with Marathon's field names. The {@code *_config} sections are open-ended
 * key/value maps, as in Marathon, where they mirror command-line flags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Info(
    String name,
    String version,
    String buildref,
    Boolean elected,
    String leader,
    String frameworkId,
    @JsonProperty("marathon_config") Map<String, Object> marathonConfig,
    @JsonProperty("zookeeper_config") Map<String, Object> zookeeperConfig,
    @JsonProperty("http_config") Map<String, Object> httpConfig,
    @JsonProperty("event_subscriber") Map<String, Object> eventSubscriber) {}
