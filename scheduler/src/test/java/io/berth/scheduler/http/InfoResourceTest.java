package io.berth.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** {@code /v2/info}, {@code /v2/leader} and {@code /ping}. */
class InfoResourceTest extends ResourceTestSupport {

  @Test
  void infoDescribesTheSchedulerInMarathonsShape() {
    Response r = get("/v2/info");
    assertThat(r.getStatus()).isEqualTo(200);
    JsonNode info = body(r);
    assertThat(info.path("name").asText()).isEqualTo("berth");
    assertThat(info.path("version").asText()).isEqualTo(InfoResource.VERSION);
    assertThat(info.path("elected").asBoolean()).isTrue();
    assertThat(info.path("leader").asText()).isEqualTo("berth.test:8080");
    assertThat(info.path("marathon_config").path("hostname").asText()).isEqualTo("berth.test");
    assertThat(info.path("marathon_config").path("zk_max_versions").asInt()).isEqualTo(50);
    assertThat(info.path("zookeeper_config").path("zk").asText()).startsWith("zk://").endsWith("/berth");
    assertThat(info.path("http_config").path("http_port").asInt()).isEqualTo(8080);
    assertThat(info.has("frameworkId")).isTrue();
    assertThat(info.has("event_subscriber")).isTrue();
  }

  @Test
  void leaderIsThisScheduler() {
    Response r = get("/v2/leader");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(body(r).path("leader").asText()).isEqualTo("berth.test:8080");
  }

  @Test
  void pingAnswersPongAsText() {
    Response r = resources.target("/ping").request().get();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getMediaType().isCompatible(MediaType.TEXT_PLAIN_TYPE)).isTrue();
    assertThat(r.readEntity(String.class)).isEqualTo("pong");
  }
}
