package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/groups} and {@code GET /v2/groups/{id}}: groups derived from app ids. */
class GroupsResourceTest extends ResourceTestSupport {

  private static final String LATER = "2026-03-01T12:10:00.000Z";

  private void apps() {
    given(anApp("/solo").build());
    given(anApp("/team/web").build());
    clock.advance(Duration.ofMinutes(10));
    given(anApp("/team/batch/nightly").build());
  }

  @Nested
  class Root {

    @Test
    void ofNoAppsIsAnEmptyRootGroup() {
      Response r = get("/v2/groups");
      assertThat(r.getStatus()).isEqualTo(200);
      JsonNode root = body(r);
      assertThat(root.path("id").asText()).isEqualTo("/");
      assertThat(root.path("apps")).isEmpty();
      assertThat(root.path("groups")).isEmpty();
    }

    @Test
    void holdsTopLevelAppsAndTheGroupTree() {
      apps();
      JsonNode root = body(get("/v2/groups"));
      assertThat(root.path("apps").get(0).path("id").asText()).isEqualTo("/solo");
      JsonNode team = root.path("groups").get(0);
      assertThat(team.path("id").asText()).isEqualTo("/team");
      assertThat(team.path("apps").get(0).path("id").asText()).isEqualTo("/team/web");
      assertThat(team.path("groups").get(0).path("id").asText()).isEqualTo("/team/batch");
      assertThat(root.path("version").asText()).isEqualTo(LATER);
      assertThat(root.path("dependencies").isArray()).isTrue();
    }
  }

  @Nested
  class OneGroup {

    @Test
    void isTheGroupWithoutAWrapper() {
      apps();
      JsonNode team = body(get("/v2/groups/team"));
      assertThat(team.path("id").asText()).isEqualTo("/team");
      assertThat(team.path("apps")).extracting(a -> a.path("id").asText()).containsExactly("/team/web");
      assertThat(team.path("groups").get(0).path("apps").get(0).path("id").asText()).isEqualTo("/team/batch/nightly");
      assertThat(team.path("version").asText()).isEqualTo(LATER);
    }

    @Test
    void acceptsTheMarathonClientsSlashedAndEncodedIds() {
      apps();
      assertThat(body(get("/v2/groups//team/batch")).path("id").asText()).isEqualTo("/team/batch");
      assertThat(body(get("/v2/groups/%2Fteam%2Fbatch")).path("id").asText()).isEqualTo("/team/batch");
    }

    @Test
    void theRootByItsIdIsTheRoot() {
      apps();
      assertThat(body(get("/v2/groups//")).path("id").asText()).isEqualTo("/");
    }

    @Test
    void ofAnUnknownGroupIs404() {
      apps();
      JsonNode error = errorBody(get("/v2/groups/nobody"), 404);
      assertThat(error.path("message").asText()).isEqualTo("Group '/nobody' does not exist");
    }

    @Test
    void disappearsWithItsLastApp() {
      apps();
      delete("/v2/apps/team/batch/nightly").close();
      errorBody(get("/v2/groups/team/batch"), 404);
      assertThat(get("/v2/groups/team").getStatus()).isEqualTo(200);
    }
  }

  @Nested
  class NoIdIsBothAnAppAndAGroup {

    private static final String RULE = "Groups and Applications may not have the same identifier.";

    @Test
    void creatingAnAppWhereAGroupIsIs422AsInMarathon() {
      given(anApp("/team/web").build());
      JsonNode error = errorBody(post("/v2/apps", json(anApp("/team").build())), 422);
      assertThat(errorsAt(error, "/")).containsExactly(RULE);
      assertThat(store.loadAll()).extracting(a -> a.id()).containsExactly("/team/web");
    }

    @Test
    void creatingAnAppUnderAnAppIs422() {
      given(anApp("/team").build());
      assertThat(errorsAt(errorBody(post("/v2/apps", json(anApp("/team/web/x").build())), 422), "/"))
          .containsExactly(RULE);
      assertThat(errorsAt(errorBody(put("/v2/apps/team/web", "{\"cmd\": \"sleep 1\"}"), 422), "/"))
          .containsExactly(RULE);
      assertThat(store.loadAll()).extracting(a -> a.id()).containsExactly("/team");
    }

    @Test
    void idsThatOnlyShareAPrefixDoNotClash() {
      given(anApp("/team/web").build());
      assertThat(post("/v2/apps", json(anApp("/team/web2").build())).getStatus()).isEqualTo(201);
      assertThat(post("/v2/apps", json(anApp("/team-web").build())).getStatus()).isEqualTo(201);
      assertThat(post("/v2/apps", json(anApp("/team/we").build())).getStatus()).isEqualTo(201);
    }

    @Test
    void aGroupFreedByDeletingItsAppsCanBecomeAnApp() {
      given(anApp("/team/web").build());
      delete("/v2/apps/team/web").close();
      assertThat(post("/v2/apps", json(anApp("/team").build())).getStatus()).isEqualTo(201);
    }
  }
}
