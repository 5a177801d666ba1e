package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.App;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/apps}, {@code GET /v2/apps} and {@code GET /v2/apps/{id}}. */
class AppsResourceTest extends ResourceTestSupport {

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("apps").forEach(a -> out.add(a.path("id").asText()));
    return out;
  }

  @Nested
  class Create {

    @Test
    void answers201WithLocationDeploymentHeaderAndTheAppAsMarathonDoes() {
      Response r = post("/v2/apps", json(anApp("/team/web").withInstances(2).build()));

      assertThat(r.getStatus()).isEqualTo(201);
      assertThat(r.getLocation().getPath()).isEqualTo("/v2/apps/team/web");
      assertThat(r.getHeaderString("Marathon-Deployment-Id")).isEqualTo("deployment-1");
      JsonNode app = body(r);
      assertThat(app.path("id").asText()).isEqualTo("/team/web");
      assertThat(app.path("instances").asInt()).isEqualTo(2);
      assertThat(app.path("version").asText()).isEqualTo(V1);
      assertThat(app.path("versionInfo").path("lastConfigChangeAt").asText()).isEqualTo(V1);
      assertThat(app.path("deployments").get(0).path("id").asText()).isEqualTo("deployment-1");
      assertThat(app.path("tasksStaged").asInt(-1)).isZero();
      assertThat(app.path("tasksRunning").asInt(-1)).isZero();
      assertThat(app.path("tasksHealthy").asInt(-1)).isZero();
      assertThat(app.path("tasksUnhealthy").asInt(-1)).isZero();
    }

    @Test
    void storesTheNormalizedDefinitionWithMarathonsDefaults() {
      post("/v2/apps", "{\"id\": \"team/web/\", \"cmd\": \"sleep 1000\"}").close();

      App stored = store.loadAll().get(0);
      assertThat(stored.id()).isEqualTo("/team/web");
      assertThat(stored.instances()).isEqualTo(1);
      assertThat(stored.cpus()).isEqualTo(1.0);
      assertThat(stored.mem()).isEqualTo(128.0);
      assertThat(stored.version()).isEqualTo(V1);
      assertThat(store.versions("/team/web")).containsExactly(V1);
    }

    @Test
    void ignoresServerFieldsInTheBody() {
      String body = "{\"id\": \"/team/web\", \"cmd\": \"sleep 1\", \"version\": \"1999-01-01T00:00:00.000Z\","
          + " \"tasksRunning\": 7, \"deployments\": [{\"id\": \"forged\"}]}";
      JsonNode app = body(post("/v2/apps", body));
      assertThat(app.path("version").asText()).isEqualTo(V1);
      assertThat(app.path("tasksRunning").asInt()).isZero();
      assertThat(app.path("deployments").get(0).path("id").asText()).isEqualTo("deployment-1");
    }

    @Test
    void acceptsWhatTheMarathonJavaClientSendsForADockerApp() {
      String fromClient = "{\"id\": \"/team/web\", \"instances\": 1, \"cpus\": 0.1, \"mem\": 32.0,"
          + " \"gpus\": 0.0, \"container\": {\"type\": \"DOCKER\", \"docker\": {\"image\": \"nginx\","
          + " \"network\": \"BRIDGE\", \"privileged\": false, \"forcePullImage\": false,"
          + " \"portMappings\": [{\"containerPort\": 80, \"hostPort\": 0, \"protocol\": \"tcp\", \"name\": \"http\"}]}},"
          + " \"healthChecks\": [{\"protocol\": \"HTTP\", \"path\": \"/\", \"portIndex\": 0,"
          + " \"ignoreHttp1xx\": false}],"
          + " \"readinessChecks\": [{\"name\": \"ready\", \"protocol\": \"HTTP\", \"path\": \"/\","
          + " \"portName\": \"http\", \"intervalSeconds\": 0, \"timeoutSeconds\": 0}],"
          + " \"labels\": {}, \"env\": {}, \"constraints\": [], \"dependencies\": []}";
      Response r = post("/v2/apps", fromClient);
      assertThat(r.getStatus()).as("%s", r.readEntity(String.class)).isEqualTo(201);
    }

    @Test
    void ofAnExistingIdIs409WithMarathonsMessageAndChangesNothing() {
      App first = given(anApp("/x").build());

      JsonNode error = errorBody(post("/v2/apps", json(anApp("/x").withCmd("other").build())), 409);

      assertThat(error.path("message").asText()).isEqualTo("An app with id [/x] already exists.");
      assertThat(store.loadAll()).containsExactly(first);
      assertThat(store.versions("/x")).containsExactly(V1);
    }
  }

  @Nested
  class ListAll {

    private void threeApps() {
      given(anApp("/team/web").withLabel("tier", "web").withLabel("env", "prod").build());
      given(anApp("/team/api").withCmd("java -jar api.jar").withLabel("tier", "api").build());
      given(anApp("/ops/db").withDockerImage("postgres:16").withLabel("env", "qa").build());
    }

    @Test
    void ofNoAppsIsAnEmptyList() {
      Response r = get("/v2/apps");
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(body(r).path("apps").isArray()).isTrue();
      assertThat(body(get("/v2/apps")).path("apps")).isEmpty();
    }

    @Test
    void givesEveryAppSortedByIdWithCountsAndDeployments() {
      threeApps();
      JsonNode list = body(get("/v2/apps"));
      assertThat(ids(list)).containsExactly("/ops/db", "/team/api", "/team/web");
      JsonNode web = list.path("apps").get(2);
      assertThat(web.path("tasksRunning").isInt()).isTrue();
      assertThat(web.path("deployments").isArray()).isTrue();
      assertThat(web.has("tasks")).isFalse();
      assertThat(web.path("version").asText()).isEqualTo(V1);
    }

    @Test
    void embedsTasksAndLastFailureOnlyWhenAsked() {
      threeApps();
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      tasks.failed("/team/web", "exited with 1");

      JsonNode plain = body(get("/v2/apps?id=/team/web")).path("apps").get(0);
      assertThat(plain.has("tasks")).isFalse();
      assertThat(plain.has("lastTaskFailure")).isFalse();
      assertThat(plain.path("tasksRunning").asInt()).isEqualTo(1);

      JsonNode embedded = body(resources.target("/v2/apps").queryParam("id", "/team/web")
          .queryParam("embed", "apps.tasks").queryParam("embed", "apps.lastTaskFailure").request().get())
          .path("apps").get(0);
      assertThat(embedded.path("tasks").get(0).path("id").asText()).isEqualTo("team_web.1");
      assertThat(embedded.path("lastTaskFailure").path("message").asText()).isEqualTo("exited with 1");
    }

    @Test
    void showsEachAppAsItIsNowAfterChanges() {
      given(anApp("/team/web").withInstances(1).build());
      body(get("/v2/apps"));
      clock.advance(Duration.ofMinutes(1));
      put("/v2/apps/team/web", "{\"instances\": 3}").close();
      assertThat(body(get("/v2/apps")).path("apps").get(0).path("instances").asInt()).isEqualTo(3);
    }

    @Test
    void showsARecreatedAppAsItIsNowEvenAtTheSameVersion() {
      given(anApp("/team/web").withCmd("sleep 1").build());
      assertThat(body(get("/v2/apps")).path("apps").get(0).path("cmd").asText()).isEqualTo("sleep 1");
      delete("/v2/apps/team/web").close();
      given(anApp("/team/web").withCmd("sleep 2").build());

      JsonNode web = body(get("/v2/apps")).path("apps").get(0);

      assertThat(web.path("version").asText()).isEqualTo(V1);
      assertThat(web.path("cmd").asText()).isEqualTo("sleep 2");
    }

    @Test
    void listsEachAppExactlyAsGetOneShowsItsDefinition() {
      given(anApp("/team/web").withDockerImage("nginx:1.25").withLabel("tier", "web").build());
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      JsonNode listed = body(get("/v2/apps?embed=apps.tasks")).path("apps").get(0);
      JsonNode one = body(get("/v2/apps/team/web")).path("app");
      assertThat(listed).isEqualTo(one);
    }

    @Test
    void filtersByIdSubstring() {
      threeApps();
      assertThat(ids(body(get("/v2/apps?id=team")))).containsExactly("/team/api", "/team/web");
      assertThat(ids(body(get("/v2/apps?id=nothing")))).isEmpty();
    }

    @Test
    void filtersByCommandSubstring() {
      threeApps();
      assertThat(ids(body(get("/v2/apps?cmd=java")))).containsExactly("/team/api");
    }

    @Test
    void filtersByLabelSelector() {
      threeApps();
      assertThat(ids(body(resources.target("/v2/apps").queryParam("label", "tier==web").request().get())))
          .containsExactly("/team/web");
      assertThat(ids(body(resources.target("/v2/apps").queryParam("label", "env in (prod, qa)").request().get())))
          .containsExactly("/ops/db", "/team/web");
      assertThat(ids(body(resources.target("/v2/apps").queryParam("label", "tier!=web").request().get())))
          .containsExactly("/team/api");
      assertThat(ids(body(resources.target("/v2/apps").queryParam("label", "tier,env notin (qa)").request().get())))
          .containsExactly("/team/web");
    }

    @Test
    void combinesFilters() {
      threeApps();
      assertThat(ids(body(resources.target("/v2/apps").queryParam("id", "team").queryParam("label", "tier")
          .queryParam("cmd", "sleep").request().get()))).containsExactly("/team/web");
    }

    @Test
    void refusesAMalformedLabelSelectorWith400() {
      JsonNode error = errorBody(resources.target("/v2/apps").queryParam("label", "tier in web").request().get(), 400);
      assertThat(error.path("message").asText()).isEqualTo("Invalid label selector");
      assertThat(errorsAt(error, "label")).singleElement().asString().contains("tier in web");
    }
  }

  @Nested
  class GetOne {

    @Test
    void givesTheAppWrappedWithItsStatus() {
      given(anApp("/team/web").withInstances(3).build());
      tasks.add("team_web.1", "/team/web", "TASK_STAGING", "host-1");

      Response r = get("/v2/apps/team/web");

      assertThat(r.getStatus()).isEqualTo(200);
      JsonNode app = body(r).path("app");
      assertThat(app.path("id").asText()).isEqualTo("/team/web");
      assertThat(app.path("instances").asInt()).isEqualTo(3);
      assertThat(app.path("tasksStaged").asInt()).isEqualTo(1);
      assertThat(app.path("tasks").get(0).path("state").asText()).isEqualTo("TASK_STAGING");
      assertThat(app.path("deployments").isArray()).isTrue();
    }

    @Test
    void acceptsTheIdWithALeadingSlashAsTheMarathonClientSendsIt() {
      given(anApp("/team/web").build());
      assertThat(body(get("/v2/apps//team/web")).path("app").path("id").asText()).isEqualTo("/team/web");
    }

    @Test
    void acceptsTheIdUrlEncodedAsTheJenkinsPluginSendsIt() {
      given(anApp("/team/web").build());
      assertThat(body(get("/v2/apps/%2Fteam%2Fweb")).path("app").path("id").asText()).isEqualTo("/team/web");
    }

    @Test
    void ofAnUnknownAppIs404() {
      JsonNode error = errorBody(get("/v2/apps/team/nope"), 404);
      assertThat(error.path("message").asText()).isEqualTo("App '/team/nope' does not exist");
    }
  }
}
