package io.berth.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything the API says about apps: every app and every stored version, as JSON, for comparisons. */
record StoredState(Map<String, JsonNode> apps, Map<String, JsonNode> versions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Creates {@code count} apps and updates every other one twice, so there are versions to lose. */
  static void populate(TestHttp http, int count) {
    for (int i = 0; i < count; i++) {
      String id = "/restart/app-" + i;
      assertThat(http.post("/v2/apps", "{\"id\":\"" + id + "\",\"cmd\":\"sleep 1000\",\"instances\":0,"
          + "\"labels\":{\"n\":\"" + i + "\"}}").statusCode()).isEqualTo(201);
      if (i % 2 == 0) {
        assertThat(http.put("/v2/apps" + id, "{\"mem\":64}").statusCode()).isEqualTo(200);
        assertThat(http.put("/v2/apps" + id, "{\"instances\":0,\"cpus\":0.25}").statusCode()).isEqualTo(200);
      }
    }
  }

  static StoredState read(TestHttp http) {
    Map<String, JsonNode> apps = new LinkedHashMap<>();
    Map<String, JsonNode> versions = new LinkedHashMap<>();
    for (JsonNode app : parse(http.get("/v2/apps").body()).get("apps")) {
      String id = app.get("id").asText();
      apps.put(id, app);
      JsonNode list = parse(http.get("/v2/apps" + id + "/versions").body()).get("versions");
      for (JsonNode v : list) {
        versions.put(id + "@" + v.asText(), parse(http.get("/v2/apps" + id + "/versions/" + v.asText()).body()));
      }
    }
    return new StoredState(apps, versions);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
