package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.model.App;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code PUT}, {@code PATCH}, {@code DELETE /v2/apps/{id}} and {@code POST /v2/apps/{id}/restart}. */
class AppUpdatesResourceTest extends ResourceTestSupport {

  private static final String V2 = "2026-03-01T12:01:00.000Z";

  private App stored() {
    return apps.get("/team/web").orElseThrow();
  }

  /** The deployment result Marathon answers for a change: {deploymentId, version} plus the header. */
  private static JsonNode deploymentResult(Response r, int status, String deploymentId, String version) {
    assertThat(r.getStatus()).isEqualTo(status);
    assertThat(r.getHeaderString("Marathon-Deployment-Id")).isEqualTo(deploymentId);
    JsonNode body = body(r);
    assertThat(body.path("deploymentId").asText()).isEqualTo(deploymentId);
    assertThat(body.path("version").asText()).isEqualTo(version);
    return body;
  }

  @Nested
  class PutOfANewApp {

    @Test
    void createsItWith201AndLocation() {
      Response r = put("/v2/apps/team/web", json(anApp("/team/web").withInstances(2).build()));

      deploymentResult(r, 201, "deployment-1", V1);
      assertThat(r.getLocation().getPath()).isEqualTo("/v2/apps/team/web");
      assertThat(stored().instances()).isEqualTo(2);
    }

    @Test
    void takesTheIdFromTheUrlWhenTheBodyHasNone() {
      put("/v2/apps/team/web", "{\"cmd\": \"sleep 5\"}").close();
      assertThat(stored().cmd()).isEqualTo("sleep 5");
    }
  }

  @Nested
  class PutOfAnExistingApp {

    @BeforeEach
    void existing() {
      given(anApp("/team/web").withInstances(2).withLabel("tier", "web").build());
      clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void answers200WithTheDeploymentResult() {
      deploymentResult(put("/v2/apps/team/web", "{\"instances\": 4}"), 200, "deployment-2", V2);
      assertThat(store.versions("/team/web")).containsExactly(V2, V1);
    }

    @Test
    void mergesTheGivenFieldsByDefault() {
      put("/v2/apps/team/web", "{\"instances\": 4}").close();
      App app = stored();
      assertThat(app.instances()).isEqualTo(4);
      assertThat(app.labels()).containsEntry("tier", "web");
      assertThat(app.versionInfo().lastConfigChangeAt()).isEqualTo(V1);
      assertThat(app.versionInfo().lastScalingAt()).isEqualTo(V2);
    }

    @Test
    void mergesWithPartialUpdateTrue() {
      put("/v2/apps/team/web?partialUpdate=true", "{\"mem\": 64}").close();
      assertThat(stored().mem()).isEqualTo(64.0);
      assertThat(stored().instances()).isEqualTo(2);
      assertThat(stored().versionInfo().lastConfigChangeAt()).isEqualTo(V2);
    }

    @Test
    void replacesTheWholeDefinitionWithPartialUpdateFalse() {
      put("/v2/apps/team/web?partialUpdate=false", "{\"cmd\": \"sleep 5\"}").close();
      App app = stored();
      assertThat(app.cmd()).isEqualTo("sleep 5");
      assertThat(app.instances()).isEqualTo(1);
      assertThat(app.labels()).isEmpty();
    }

    @Test
    void acceptsTheMarathonClientsForceParameterAndSlashedId() {
      deploymentResult(put("/v2/apps//team/web?force=true", json(anApp("/team/web").withInstances(5).build())),
          200, "deployment-2", V2);
      assertThat(stored().instances()).isEqualTo(5);
    }

    @Test
    void takesBackTheWholeAppAsReadWithOnlyTheInstancesChangedAsAScale() {
      ObjectNode app = (ObjectNode) body(get("/v2/apps/team/web")).path("app");
      app.put("instances", 6);

      deploymentResult(put("/v2/apps/team/web", app.toString()), 200, "deployment-2", V2);

      assertThat(stored().instances()).isEqualTo(6);
      assertThat(stored().versionInfo().lastConfigChangeAt()).isEqualTo(V1);
      assertThat(stored().version()).isEqualTo(V2);
    }

    @Test
    void refusesABodyIdOtherThanTheUrlsWith422() {
      JsonNode error = errorBody(put("/v2/apps/team/web", json(anApp("/team/other").build())), 422);
      assertThat(errorsAt(error, "/id")).singleElement().asString().contains("must match the id in the URL");
      assertThat(store.versions("/team/web")).containsExactly(V1);
    }
  }

  @Nested
  class ConcurrentUpdates {

    @Test
    void allSucceedInSomeOrderAndMemoryMatchesTheStore() throws Exception {
      given(anApp("/team/web").build());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          int instances = i;
          statuses.add(pool.submit(() -> put("/v2/apps/team/web", "{\"instances\": " + instances + "}").getStatus()));
        }
        for (Future<Integer> status : statuses) {
          assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }
      List<String> versions = store.versions("/team/web");
      assertThat(versions).hasSize(41).doesNotHaveDuplicates();
      assertThat(store.loadAll()).containsExactly(stored());
      assertThat(stored().version()).isEqualTo(versions.get(0));
    }

    @Test
    void partialUpdatesOfDifferentFieldsAllSurvive() throws Exception {
      given(anApp("/team/web").build());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        for (int round = 1; round <= 25; round++) {
          String cmd = "sleep " + round;
          List<Future<Integer>> statuses = new ArrayList<>();
          statuses.add(pool.submit(() -> patch("/v2/apps/team/web", "{\"cmd\": \"" + cmd + "\"}").getStatus()));
          for (int i = 0; i < 3; i++) {
            statuses.add(pool.submit(() -> put("/v2/apps/team/web", "{\"instances\": 2}").getStatus()));
          }
          for (Future<Integer> status : statuses) {
            assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
          }
          assertThat(stored().cmd()).as("round %d", round).isEqualTo(cmd);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Patch {

    @Test
    void mergesTheGivenFieldsAndAnswersTheDeploymentResult() {
      given(anApp("/team/web").withInstances(2).withLabel("tier", "web").build());
      clock.advance(Duration.ofMinutes(1));

      deploymentResult(patch("/v2/apps/team/web", json(Map.of("labels", Map.of("tier", "edge")))),
          200, "deployment-2", V2);

      assertThat(stored().labels()).containsExactly(Map.entry("tier", "edge"));
      assertThat(stored().instances()).isEqualTo(2);
    }

    @Test
    void ofAnUnknownAppIs404() {
      JsonNode error = errorBody(patch("/v2/apps/team/nope", "{\"instances\": 1}"), 404);
      assertThat(error.path("message").asText()).isEqualTo("App '/team/nope' does not exist");
      assertThat(store.loadAll()).isEmpty();
    }
  }

  @Nested
  class Delete {

    @Test
    void removesTheAppAndItsVersions() {
      given(anApp("/team/web").build());
      clock.advance(Duration.ofMinutes(1));

      deploymentResult(delete("/v2/apps/%2Fteam%2Fweb?force=false"), 200, "deployment-2", V2);

      assertThat(store.loadAll()).isEmpty();
      assertThat(store.versions("/team/web")).isEmpty();
      errorBody(get("/v2/apps/team/web"), 404);
    }

    @Test
    void ofAnUnknownAppIs404() {
      JsonNode error = errorBody(delete("/v2/apps/team/nope"), 404);
      assertThat(error.path("message").asText()).isEqualTo("App '/team/nope' does not exist");
    }
  }

  @Nested
  class Restart {

    @Test
    void makesANewVersionOfTheSameDefinition() {
      App before = given(anApp("/team/web").withInstances(3).build());
      clock.advance(Duration.ofMinutes(1));

      deploymentResult(post("/v2/apps/team/web/restart?force=true", ""), 200, "deployment-2", V2);

      App after = stored();
      assertThat(after.withVersion(null, null)).isEqualTo(before.withVersion(null, null));
      assertThat(after.versionInfo().lastConfigChangeAt()).isEqualTo(V2);
      assertThat(store.versions("/team/web")).containsExactly(V2, V1);
    }

    @Test
    void onAStalledClockStillMakesALaterVersion() {
      given(anApp("/team/web").build());
      JsonNode result = body(post("/v2/apps/team/web/restart", ""));
      assertThat(result.path("version").asText()).isEqualTo("2026-03-01T12:00:00.001Z");
    }

    @Test
    void ofAnUnknownAppIs404() {
      errorBody(post("/v2/apps/team/nope/restart", ""), 404);
    }
  }
}
