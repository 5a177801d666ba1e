package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.App;
import io.berth.scheduler.core.apps.AppChanges;
import io.berth.scheduler.store.ConcurrentModificationException;
import io.berth.scheduler.store.TransientStoreException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every refusal of the app endpoints: Marathon's JSON shape, and nothing changed behind it. */
class AppErrorsResourceTest extends ResourceTestSupport {

  /** After a refusal: the store holds exactly what it held, and no deployment id was used up. */
  private void assertNothingChanged(List<App> before) {
    assertThat(store.loadAll()).isEqualTo(before);
    for (App app : before) {
      assertThat(store.versions(app.id())).containsExactly(app.version());
    }
    assertThat(apps.all()).containsExactlyElementsOf(before);
    assertThat(body(post("/v2/apps", json(anApp("/probe").build()))).path("deployments").get(0).path("id")
        .asText()).isEqualTo("deployment-" + (before.size() + 1));
  }

  @Nested
  class InvalidDefinition {

    @Test
    void is422NamingEachBadFieldAndItsRule() {
      String body = "{\"id\": \"/Team/web\", \"cmd\": \"sleep 1\", \"cpus\": -1,"
          + " \"constraints\": [[\"hostname\", \"SOMETIMES\"]], \"upgradeStrategy\": {\"minimumHealthCapacity\": 2}}";

      JsonNode error = errorBody(post("/v2/apps", body), 422);

      assertThat(error.path("message").asText()).isEqualTo("Object is not valid");
      assertThat(errorsAt(error, "/id")).singleElement().asString().contains("lowercase letters");
      assertThat(errorsAt(error, "/cpus")).containsExactly("must be greater than or equal to 0");
      assertThat(errorsAt(error, "/constraints/0/1")).singleElement().asString().contains("UNIQUE");
      assertThat(errorsAt(error, "/upgradeStrategy/minimumHealthCapacity")).isNotEmpty();
      assertNothingChanged(List.of());
    }

    @Test
    void withoutCommandArgsOrImageIs422AtTheRoot() {
      JsonNode error = errorBody(post("/v2/apps", "{\"id\": \"/team/web\"}"), 422);
      assertThat(errorsAt(error, "/")).singleElement().asString().contains("'cmd', 'args' or a container image");
    }

    @Test
    void onPutChangesNothing() {
      App existing = given(anApp("/team/web").build());
      JsonNode error = errorBody(put("/v2/apps/team/web", "{\"mem\": -5, \"instances\": -1}"), 422);
      assertThat(errorsAt(error, "/mem")).isNotEmpty();
      assertThat(errorsAt(error, "/instances")).isNotEmpty();
      assertNothingChanged(List.of(existing));
    }

    @Test
    void onPutOfANewAppCreatesNothing() {
      errorBody(put("/v2/apps/team/web", "{\"cmd\": \"\"}"), 422);
      assertNothingChanged(List.of());
    }

    @Test
    void onPatchChangesNothing() {
      App existing = given(anApp("/team/web").build());
      errorBody(patch("/v2/apps/team/web", "{\"killSelection\": \"RANDOM\"}"), 422);
      assertNothingChanged(List.of(existing));
    }
  }

  @Nested
  class MalformedJson {

    @Test
    void is400InvalidJsonWithWhereItBroke() {
      JsonNode error = errorBody(post("/v2/apps", "{\"id\": \"/team/web\", \"cmd\": "), 400);
      assertThat(error.path("message").asText()).isEqualTo("Invalid JSON");
      assertThat(errorsAt(error, "/")).singleElement().asString().startsWith("malformed JSON");
      assertNothingChanged(List.of());
    }

    @Test
    void anEmptyBodyIs400() {
      errorBody(post("/v2/apps", ""), 400);
    }

    @Test
    void aBodyThatIsNoObjectIs400() {
      JsonNode error = errorBody(post("/v2/apps", "[{\"id\": \"/team/web\"}]"), 400);
      assertThat(errorsAt(error, "/")).containsExactly("error.expected.jsobject");
    }

    @Test
    void nestedTooDeeplyIs400() {
      String deep = "[".repeat(MAX_JSON_DEPTH + 8) + "]".repeat(MAX_JSON_DEPTH + 8);
      JsonNode error = errorBody(post("/v2/apps", "{\"id\": \"/x\", \"cmd\": \"c\", \"extra\": " + deep + "}"), 400);
      assertThat(errorsAt(error, "/")).singleElement().asString().contains("nested too deeply");
      assertNothingChanged(List.of());
    }
  }

  @Nested
  class WrongTypes {

    private JsonNode refused(String body) {
      JsonNode error = errorBody(post("/v2/apps", body), 400);
      assertThat(error.path("message").asText()).isEqualTo("Invalid JSON");
      return error;
    }

    @Test
    void nameTheFieldPathAndTheExpectedType() {
      assertThat(errorsAt(refused("{\"id\": \"/x\", \"cmd\": \"c\", \"instances\": \"many\"}"), "/instances"))
          .containsExactly("error.expected.jsnumber");
      assertThat(errorsAt(refused("{\"id\": \"/x\", \"cmd\": {\"run\": 1}}"), "/cmd"))
          .containsExactly("error.expected.jsstring");
      assertThat(errorsAt(refused("{\"id\": \"/x\", \"cmd\": \"c\", \"constraints\": \"UNIQUE\"}"), "/constraints"))
          .containsExactly("error.expected.jsarray");
    }

    @Test
    void nameNestedPaths() {
      assertThat(errorsAt(refused("{\"id\": \"/x\", \"cmd\": \"c\", \"labels\": {\"tier\": {\"a\": 1}}}"),
          "/labels/tier")).containsExactly("error.expected.jsstring");
      assertThat(errorsAt(refused("{\"id\": \"/x\", \"container\": {\"docker\": {\"image\": [\"nginx\"]}}}"),
          "/container/docker/image")).containsExactly("error.expected.jsstring");
      assertThat(errorsAt(refused("{\"id\": \"/x\", \"cmd\": \"c\", \"healthChecks\": [{\"intervalSeconds\": \"x\"}]}"),
          "/healthChecks/0/intervalSeconds")).containsExactly("error.expected.jsnumber");
    }

    @Test
    void ofTheIdOnPutIs400() {
      JsonNode error = errorBody(put("/v2/apps/team/web", "{\"id\": 5, \"cmd\": \"c\"}"), 400);
      assertThat(errorsAt(error, "/id")).containsExactly("error.expected.jsstring");
      assertNothingChanged(List.of());
    }

    @Test
    void onPatchChangeNothing() {
      App existing = given(anApp("/team/web").build());
      JsonNode error = errorBody(patch("/v2/apps/team/web", "{\"mem\": \"lots\"}"), 400);
      assertThat(errorsAt(error, "/mem")).containsExactly("error.expected.jsnumber");
      assertNothingChanged(List.of(existing));
    }
  }

  @Nested
  class ContentTypeAndSize {

    @Test
    void aBodyThatIsNotJsonIs415() {
      Response r = at("/v2/apps").post(Entity.entity("id=/x", MediaType.APPLICATION_FORM_URLENCODED_TYPE));
      JsonNode error = errorBody(r, 415);
      assertThat(error.path("message").asText()).contains("application/json");
      errorBody(at("/v2/apps/team/web").put(Entity.text("{}")), 415);
      assertNothingChanged(List.of());
    }

    @Test
    void aBodyOverTheLimitIs413() {
      String huge = "{\"id\": \"/x\", \"cmd\": \"" + "a".repeat((int) MAX_BODY_BYTES) + "\"}";
      JsonNode error = errorBody(post("/v2/apps", huge), 413);
      assertThat(error.path("message").asText()).contains("limit of " + MAX_BODY_BYTES + " bytes");
      assertNothingChanged(List.of());
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeReading() {
      Response r = at("/v2/apps").header("Content-Length", MAX_BODY_BYTES + 1)
          .post(Entity.json(json(anApp("/x").build())));
      errorBody(r, 413);
      assertNothingChanged(List.of());
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
      String big = "{\"id\": \"/x\", \"cmd\": \"" + "a".repeat((int) MAX_BODY_BYTES - 100) + "\"}";
      assertThat(post("/v2/apps", big).getStatus()).isEqualTo(201);
    }
  }

  @Nested
  class UnknownUrlsAndMethods {

    @Test
    void anUnknownUrlIs404Json() {
      JsonNode error = errorBody(get("/v2/nothing/here"), 404);
      assertThat(error.path("message").asText()).isEqualTo("URI not found");
      errorBody(get("/v3/apps"), 404);
    }

    @Test
    void anUnsupportedMethodIs405Json() {
      Response r = delete("/v2/groups");
      errorBody(r, 405);
      assertThat(r.getHeaderString("Allow")).contains("GET");
    }
  }

  @Nested
  class UnexpectedFailures {

    @Test
    void is500WithOnlyAnErrorIdAndNothingBecomesVisible() {
      store.failWritesWith(new IllegalStateException("secret internals"));
      Response r = post("/v2/apps", json(anApp("/team/web").build()));
      assertThat(r.getStatus()).isEqualTo(500);
      JsonNode body = body(r);
      assertThat(body.path("message").asText()).matches(".*\\(ID [0-9a-f]{16}\\)\\.").doesNotContain("secret");
      assertThat(body.path("details").isArray()).isTrue();
      errorBody(get("/v2/apps/team/web"), 404);
    }

    @Test
    void aStoreThatCannotBeReachedIs503() {
      App existing = given(anApp("/team/web").build());
      store.failWritesWith(new TransientStoreException("ZooKeeper unavailable", null));
      assertThat(put("/v2/apps/team/web", "{\"instances\": 9}").getStatus()).isEqualTo(503);
      assertThat(apps.get("/team/web")).contains(existing);
    }

    @Test
    void aWriteThatLostACompareAndSetIs409() {
      App existing = given(anApp("/team/web").build());
      store.failWritesWith(new ConcurrentModificationException("app /team/web changed concurrently"));
      JsonNode error = errorBody(put("/v2/apps/team/web", "{\"instances\": 9}"), 409);
      assertThat(error.path("message").asText()).contains("changed concurrently");
      assertThat(apps.get("/team/web")).contains(existing);
    }

    @Test
    void aWriteThatReachedTheStoreButReportedFailureCountsAsDone() {
      given(anApp("/team/web").withInstances(1).build());
      clock.advance(Duration.ofMinutes(1));
      store.failOnceAfterWriting(new ConcurrentModificationException("retried write lost its own CAS"));

      assertThat(put("/v2/apps/team/web", "{\"instances\": 3}").getStatus()).isEqualTo(200);

      assertThat(body(get("/v2/apps/team/web")).path("app").path("instances").asInt()).isEqualTo(3);
      clock.advance(Duration.ofMinutes(1));
      assertThat(put("/v2/apps/team/web", "{\"instances\": 4}").getStatus()).isEqualTo(200);
      assertThat(store.loadAll().get(0).instances()).isEqualTo(4);
    }

    @Test
    void aCreateThatReachedTheStoreButReportedFailureCountsAsDone() {
      store.failOnceAfterWriting(new TransientStoreException("connection lost", null));
      assertThat(post("/v2/apps", json(anApp("/team/web").build())).getStatus()).isEqualTo(201);
      assertThat(get("/v2/apps/team/web").getStatus()).isEqualTo(200);
      errorBody(post("/v2/apps", json(anApp("/team/web").build())), 409);
    }

    @Test
    void aDeleteThatReachedTheStoreButReportedFailureCountsAsDone() {
      given(anApp("/team/web").build());
      store.failOnceAfterWriting(new TransientStoreException("connection lost", null));
      assertThat(delete("/v2/apps/team/web").getStatus()).isEqualTo(200);
      errorBody(get("/v2/apps/team/web"), 404);
    }

    @Test
    void aWriteThatLostToAnotherWriterLeavesTheApiShowingTheWinner() {
      App existing = given(anApp("/team/web").withInstances(1).build());
      App winner = AppChanges.updated(existing, existing.withInstances(7), START.plusSeconds(30));
      store.update(winner, existing.version());
      clock.advance(Duration.ofMinutes(1));

      errorBody(put("/v2/apps/team/web", "{\"instances\": 3}"), 409);

      assertThat(apps.get("/team/web")).contains(winner);
      assertThat(put("/v2/apps/team/web", "{\"instances\": 3}").getStatus()).isEqualTo(200);
    }
  }
}
