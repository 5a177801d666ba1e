package io.berth.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/tasks} with Marathon's {@code status} and {@code status[]} filters. */
class TasksResourceTest extends ResourceTestSupport {

  private static List<String> ids(Response r) {
    assertThat(r.getStatus()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    body(r).path("tasks").forEach(t -> out.add(t.path("id").asText()));
    return out;
  }

  @Test
  void withoutTasksIsAnEmptyList() {
    JsonNode body = body(get("/v2/tasks"));
    assertThat(body.path("tasks").isArray()).isTrue();
    assertThat(body.path("tasks")).isEmpty();
  }

  @Test
  void listsEveryTaskOfEveryApp() {
    threeTasks();
    assertThat(ids(get("/v2/tasks"))).containsExactly("web.1", "web.2", "api.1");
  }

  @Test
  void filtersByStatusInMarathonsLowercaseSpelling() {
    threeTasks();
    assertThat(ids(get("/v2/tasks?status=running"))).containsExactly("web.1", "api.1");
    assertThat(ids(get("/v2/tasks?status=staging"))).containsExactly("web.2");
  }

  @Test
  void filtersByTheArraySpellingAndSeveralStates() {
    threeTasks();
    assertThat(ids(get("/v2/tasks?status[]=staging"))).containsExactly("web.2");
    assertThat(ids(get("/v2/tasks?status=staging&status=running"))).containsExactly("web.1", "web.2", "api.1");
    assertThat(ids(get("/v2/tasks?status=TASK_STAGING"))).containsExactly("web.2");
  }

  @Test
  void aStatusNoTaskIsInGivesAnEmptyList() {
    threeTasks();
    assertThat(ids(get("/v2/tasks?status=killing"))).isEmpty();
  }

  private void threeTasks() {
    tasks.add("web.1", "/team/web", "TASK_RUNNING", "host-1");
    tasks.add("web.2", "/team/web", "TASK_STAGING", "host-2");
    tasks.add("api.1", "/team/api", "TASK_RUNNING", "host-1");
  }
}
