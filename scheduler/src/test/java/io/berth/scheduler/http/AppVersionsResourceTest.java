package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/apps/{id}/versions} and {@code GET /v2/apps/{id}/versions/{version}}. */
class AppVersionsResourceTest extends ResourceTestSupport {

  private static final String V2 = "2026-03-01T12:01:00.000Z";
  private static final String V3 = "2026-03-01T12:02:00.000Z";

  @BeforeEach
  void threeVersions() {
    given(anApp("/team/web").withInstances(1).build());
    for (int instances = 2; instances <= 3; instances++) {
      clock.advance(Duration.ofMinutes(1));
      put("/v2/apps/team/web", "{\"instances\": " + instances + "}").close();
    }
  }

  @Nested
  class ListOfVersions {

    @Test
    void isNewestFirst() {
      Response r = get("/v2/apps/team/web/versions");
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(body(r).path("versions")).extracting(JsonNode::asText).containsExactly(V3, V2, V1);
    }

    @Test
    void worksWithTheMarathonClientsSlashedId() {
      assertThat(body(get("/v2/apps//team/web/versions")).path("versions")).hasSize(3);
      assertThat(body(get("/v2/apps/%2Fteam%2Fweb/versions")).path("versions")).hasSize(3);
    }

    @Test
    void ofAnUnknownAppIs404() {
      JsonNode error = errorBody(get("/v2/apps/team/nope/versions"), 404);
      assertThat(error.path("message").asText()).isEqualTo("App '/team/nope' does not exist");
    }
  }

  @Nested
  class OneVersion {

    @Test
    void isTheDefinitionAsItWasThenWithoutAWrapper() {
      Response r = get("/v2/apps/team/web/versions/" + V2);
      assertThat(r.getStatus()).isEqualTo(200);
      JsonNode app = body(r);
      assertThat(app.path("id").asText()).isEqualTo("/team/web");
      assertThat(app.path("instances").asInt()).isEqualTo(2);
      assertThat(app.path("version").asText()).isEqualTo(V2);
    }

    @Test
    void ofAnUnknownVersionIs404NamingIt() {
      JsonNode error = errorBody(get("/v2/apps/team/web/versions/2020-01-01T00:00:00.000Z"), 404);
      assertThat(error.path("message").asText())
          .isEqualTo("App '/team/web' does not exist in version 2020-01-01T00:00:00.000Z");
    }

    @Test
    void ofSomethingThatIsNoVersionIs404() {
      errorBody(get("/v2/apps/team/web/versions/latest"), 404);
      errorBody(get("/v2/apps/team/web/versions/..%2F..%2Fapps"), 404);
    }

    @Test
    void ofAnUnknownAppIs404() {
      errorBody(get("/v2/apps/team/nope/versions/" + V1), 404);
    }

    @Test
    void ofADeletedAppIs404() {
      delete("/v2/apps/team/web").close();
      errorBody(get("/v2/apps/team/web/versions/" + V1), 404);
      errorBody(get("/v2/apps/team/web/versions"), 404);
    }
  }
}
