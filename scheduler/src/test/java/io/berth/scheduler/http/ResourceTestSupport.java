package io.berth.scheduler.http;

import io.berth.scheduler.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.model.App;
import io.berth.scheduler.SchedulerConfiguration;
import io.berth.scheduler.config.ZooKeeperConfig;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.store.ZkConnection;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler's HTTP layer as the application wires it (resources, our four exception mappers,
 * the body limit, the JSON limits), on an in-memory store, a clock that stands still until moved,
 * deployment ids {@code deployment-1, -2, …} and tasks the test puts there. Fresh for every test.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
abstract class ResourceTestSupport {

  static final long MAX_BODY_BYTES = 16 * 1024;
  static final int MAX_JSON_DEPTH = 32;
  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  static final String V1 = "2026-03-01T12:00:00.000Z";

  final TestClock clock = new TestClock(START);
  final FailingStore store = new FailingStore();
  final FakeTasks tasks = new FakeTasks();
  private final AtomicInteger deployments = new AtomicInteger();
  final AppService apps = new AppService(store, clock, () -> "deployment-" + deployments.incrementAndGet());

  final ResourceExtension resources = resources();

  private ResourceExtension resources() {
    apps.start();
    tasks.scaleThrough(apps);
    ObjectMapper json = Jackson.newObjectMapper();
    json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_JSON_DEPTH).maxStringLength((int) MAX_BODY_BYTES).build());
    SchedulerConfiguration config = new SchedulerConfiguration();
    config.setAdvertisedHost("berth.test");
    AppViews views = new AppViews(tasks);
    return ResourceExtension.builder()
        .setMapper(json)
        .setRegisterDefaultExceptionMappers(false)
        .addResource(new AppsResource(apps, views, json))
        .addResource(new AppTasksResource(apps, tasks, tasks))
        .addResource(new TasksResource(tasks))
        .addResource(new GroupsResource(apps))
        .addResource(new DeploymentsResource())
        .addResource(new InfoResource(config, new ZkConnection(ZooKeeperConfig.embedded(), Path.of("data"))))
        .addProvider(new BodyLimitFilter(MAX_BODY_BYTES))
        .addProvider(new ApiExceptionMapper())
        .addProvider(new JsonExceptionMapper())
        .addProvider(new WebExceptionMapper())
        .addProvider(new UnexpectedExceptionMapper())
        .build();
  }

  /** A request to {@code path}, which may carry a query ({@code /v2/apps?id=team&embed=apps.tasks}). */
  Invocation.Builder at(String path) {
    String[] pathAndQuery = path.split("\\?", 2);
    WebTarget target = resources.target(pathAndQuery[0]);
    if (pathAndQuery.length == 2) {
      for (String param : pathAndQuery[1].split("&")) {
        String[] kv = param.split("=", 2);
        target = target.queryParam(kv[0], kv.length == 2 ? kv[1] : "");
      }
    }
    return target.request(MediaType.APPLICATION_JSON_TYPE);
  }

  Response get(String path) {
    return at(path).get();
  }

  Response post(String path, String json) {
    return at(path).post(Entity.json(json));
  }

  Response put(String path, String json) {
    return at(path).put(Entity.json(json));
  }

  Response patch(String path, String json) {
    return at(path).method("PATCH", Entity.json(json));
  }

  Response delete(String path) {
    return at(path).delete();
  }

  /** The app as JSON, as a client would send it. */
  String json(App app) {
    try {
      return resources.getObjectMapper().writeValueAsString(app);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String json(Map<String, ?> fields) {
    try {
      return resources.getObjectMapper().writeValueAsString(fields);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates the app through the service (not under test here) and returns it as stored. */
  App given(App app) {
    return apps.create(app.normalized()).orElseThrow().after();
  }

  static JsonNode body(Response response) {
    return response.readEntity(JsonNode.class);
  }

  /** The body of a refusal: Marathon's shape, which the Marathon Java client can parse. */
  static JsonNode errorBody(Response response, int status) {
    assertThat(response.getStatus()).as("status").isEqualTo(status);
    assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).as("JSON body").isTrue();
    JsonNode body = body(response);
    assertThat(body.path("message").isTextual()).as("message in %s", body).isTrue();
    assertThat(body.path("details").isArray()).as("details array in %s", body).isTrue();
    return body;
  }

  /** The errors a 4xx body lists for one JSON path. */
  static List<String> errorsAt(JsonNode body, String path) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : body.path("details")) {
      if (d.path("path").asText().equals(path)) {
        d.path("errors").forEach(e -> out.add(e.asText()));
      }
    }
    return out;
  }
}
