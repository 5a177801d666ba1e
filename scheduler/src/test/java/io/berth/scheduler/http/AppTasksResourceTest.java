package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.Task;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /v2/apps/{id}/tasks}: listing and killing (through a fake killer). */
class AppTasksResourceTest extends ResourceTestSupport {

  @BeforeEach
  void twoApps() {
    given(anApp("/team/web").withInstances(2).build());
    given(anApp("/team/api").build());
  }

  @Nested
  class ListTasks {

    @Test
    void ofAnAppWithoutTasksIsAnEmptyList() {
      Response r = get("/v2/apps/team/web/tasks");
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(body(r).path("tasks").isArray()).isTrue();
      assertThat(body(get("/v2/apps/team/web/tasks")).path("tasks")).isEmpty();
    }

    @Test
    void givesOnlyThatAppsTasksInMarathonsShape() {
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      tasks.add("team_api.1", "/team/api", "TASK_RUNNING", "host-2");

      JsonNode list = body(get("/v2/apps//team/web/tasks")).path("tasks");

      assertThat(list).hasSize(1);
      JsonNode task = list.get(0);
      assertThat(task.path("id").asText()).isEqualTo("team_web.1");
      assertThat(task.path("appId").asText()).isEqualTo("/team/web");
      assertThat(task.path("host").asText()).isEqualTo("host-1");
      assertThat(task.path("slaveId").asText()).isEqualTo("agent-1");
      assertThat(task.path("ports").get(0).asInt()).isEqualTo(31000);
    }

    @Test
    void ofAnUnknownAppIs404() {
      JsonNode error = errorBody(get("/v2/apps/team/nope/tasks"), 404);
      assertThat(error.path("message").asText()).isEqualTo("App '/team/nope' does not exist");
    }
  }

  @Nested
  class KillTasks {

    @Test
    void whenThereAreNoneIsAnEmptyList() {
      Response r = delete("/v2/apps/team/web/tasks?host=host-1&scale=false");
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(body(r).path("tasks")).isEmpty();
    }

    @Test
    void withScaleLowersInstancesAndAnswersADeployment() {
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      Response r = delete("/v2/apps/team/web/tasks?scale=true");
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(body(r).path("deploymentId").asText()).startsWith("deployment-");
      assertThat(r.getHeaderString("Marathon-Deployment-Id")).isNotBlank();
      assertThat(apps.get("/team/web").orElseThrow().instances()).isEqualTo(1);
    }

    @Test
    void withoutScaleListsTheKilledTasksAndKeepsInstances() {
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      tasks.add("team_web.2", "/team/web", "TASK_RUNNING", "host-2");
      Response r = delete("/v2/apps/team/web/tasks?host=host-2");
      assertThat(body(r).path("tasks")).extracting(t -> t.path("id").asText()).containsExactly("team_web.2");
      assertThat(tasks.tasks("/team/web")).extracting(Task::id).containsExactly("team_web.1");
      assertThat(apps.get("/team/web").orElseThrow().instances()).isEqualTo(2);
    }

    @Test
    void onAnotherHostIsAnEmptyList() {
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      assertThat(body(delete("/v2/apps/team/web/tasks?host=host-9")).path("tasks")).isEmpty();
    }

    @Test
    void ofAnUnknownAppIs404() {
      errorBody(delete("/v2/apps/team/nope/tasks"), 404);
    }
  }

  @Nested
  class KillOneTask {

    @Test
    void ofAnUnknownTaskIs404() {
      JsonNode error = errorBody(delete("/v2/apps/team/web/tasks/team_web.9"), 404);
      assertThat(error.path("message").asText()).isEqualTo("Task 'team_web.9' does not exist");
    }

    @Test
    void ofAnotherAppsTaskIs404() {
      tasks.add("team_api.1", "/team/api", "TASK_RUNNING", "host-1");
      errorBody(delete("/v2/apps/team/web/tasks/team_api.1"), 404);
    }

    @Test
    void answersTheKilledTask() {
      tasks.add("team_web.1", "/team/web", "TASK_RUNNING", "host-1");
      Response r = delete("/v2/apps/team/web/tasks/team_web.1?scale=false&wipe=false");
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(body(r).path("task").path("id").asText()).isEqualTo("team_web.1");
    }

    @Test
    void ofAnUnknownAppIs404() {
      errorBody(delete("/v2/apps/team/nope/tasks/team_web.1"), 404);
    }
  }
}
