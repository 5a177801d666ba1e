package io.berth.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Marathon's JSON in and out, with an {@link ObjectMapper} left at its default settings. */
class AppJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  private App read(String resource) throws IOException {
    JsonNode node = tree(resource);
    return json.treeToValue(node.has("app") ? node.get("app") : node, App.class);
  }

  private JsonNode tree(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/marathon/" + resource)) {
      return json.readTree(in);
    }
  }

  private App roundTrip(App app) throws IOException {
    return json.readValue(json.writeValueAsString(app), App.class);
  }

  @Nested
  class MarathonSamples {

    @ParameterizedTest
    @ValueSource(strings = {"docker-bridge-app.json", "modern-app.json", "app-with-status.json"})
    void samplesSurviveARoundTrip(String sample) throws IOException {
      App app = read(sample);

      assertThat(roundTrip(app)).isEqualTo(app);
      assertThat(roundTrip(app.normalized())).isEqualTo(app.normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-bridge-app.json", "modern-app.json", "app-with-status.json"})
    void samplesAreValidMarathonApps(String sample) throws IOException {
      assertThat(AppValidator.validate(read(sample).normalized())).isEmpty();
    }

    @Test
    void oldStyleDockerAppIsReadAndNormalized() throws IOException {
      App app = read("docker-bridge-app.json").normalized();

      assertThat(app.container().networkMode()).isEqualTo("BRIDGE");
      assertThat(app.container().portMappings()).extracting(PortMapping::containerPort).containsExactly(8080, 161);
      assertThat(app.container().portMappings().get(1).protocol()).isEqualTo("udp");
      assertThat(app.container().docker().parameters()).containsExactly(new Parameter("a-docker-option", "xxx"));
      assertThat(app.constraints()).containsExactly(List.of("attribute", "GROUP_BY", "3"), List.of("hostname", "UNIQUE"));
      assertThat(app.healthChecks().get(1).command().value()).startsWith("curl -f");
      assertThat(app.dependencies()).containsExactly("/product/db/mongo", "/db/postgres");
      assertThat(app.fetch()).extracting(Fetch::uri)
          .containsExactly("https://raw.github.com/mesosphere/marathon/master/README.md");
      assertThat(app.portDefinitions()).isEmpty();
    }

    @Test
    void modernAppKeepsSecretsNetworksAndReadiness() throws IOException {
      App app = read("modern-app.json");

      assertThat(app.env()).containsEntry("PLAIN", EnvValue.of("value"))
          .containsEntry("DB_PASSWORD", EnvValue.secretRef("database"));
      assertThat(app.secrets()).containsEntry("database", new SecretSource("/team/db/password"));
      assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.of(300, 600));
      assertThat(app.readinessChecks().get(0).httpStatusCodesForReady()).containsExactly(200, 204);
      assertThat(app.normalized().container().networkMode()).isEqualTo("BRIDGE");
    }

    @Test
    void statusFieldsOfAGetAreRead() throws IOException {
      App app = read("app-with-status.json");

      assertThat(app.tasksRunning()).isEqualTo(1);
      assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.DISABLED);
      assertThat(app.versionInfo().lastConfigChangeAt()).isEqualTo("2026-11-26T11:00:00.000Z");
      assertThat(app.deployments()).containsExactly(new DeploymentRef("5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43"));
      assertThat(app.tasks()).singleElement().satisfies(t -> {
        assertThat(t.slaveId()).isEqualTo("S1");
        assertThat(t.ipAddresses()).containsExactly(new Task.IpAddress("10.0.0.5", "IPv4"));
        assertThat(t.healthCheckResults().get(0).alive()).isTrue();
      });
      assertThat(app.lastTaskFailure().state()).isEqualTo("TASK_FAILED");
    }
  }

  @Nested
  class Writing {

    @Test
    void nullFieldsAreLeftOut() throws IOException {
      assertThat(json.writeValueAsString(App.builder().id("/web").instances(2).build()))
          .isEqualTo("{\"id\":\"/web\",\"instances\":2}");
    }

    @Test
    void envSecretReferencesAreWrittenAsMarathonDoes() throws IOException {
      App app = App.builder().env(java.util.Map.of("DB", EnvValue.secretRef("db"))).build();

      assertThat(json.writeValueAsString(app)).isEqualTo("{\"env\":{\"DB\":{\"secret\":\"db\"}}}");
    }

    @Test
    void unreachableStrategyIsWrittenAsTextOrObject() throws IOException {
      assertThat(json.writeValueAsString(UnreachableStrategy.DISABLED)).isEqualTo("\"disabled\"");
      assertThat(json.writeValueAsString(UnreachableStrategy.of(1, 2)))
          .isEqualTo("{\"inactiveAfterSeconds\":1,\"expungeAfterSeconds\":2}");
      assertThat(json.writeValueAsString(new UnreachableStrategy(false, null, 5L)))
          .isEqualTo("{\"expungeAfterSeconds\":5}");
    }

    @Test
    void normalizedAppsWriteEveryDefault() throws IOException {
      JsonNode written = json.valueToTree(AppBuilder.anApp().normalized());

      assertThat(written.get("backoffFactor").asDouble()).isEqualTo(1.15);
      assertThat(written.get("killSelection").asText()).isEqualTo("YOUNGEST_FIRST");
      assertThat(written.get("unreachableStrategy").get("expungeAfterSeconds").asLong()).isZero();
      assertThat(written.get("portDefinitions").get(0).get("name").asText()).isEqualTo("default");
    }
  }

  @Nested
  class Reading {

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() throws IOException {
      App app = json.readValue("{\"id\":\"/a\",\"future\":1,\"container\":{\"x\":1,\"docker\":{\"image\":\"i\","
          + "\"y\":2,\"portMappings\":[{\"containerPort\":1,\"z\":3}]}},\"upgradeStrategy\":{\"w\":1},"
          + "\"healthChecks\":[{\"v\":1}],\"readinessChecks\":[{\"u\":1}],\"fetch\":[{\"uri\":\"x\",\"t\":1}],"
          + "\"portDefinitions\":[{\"port\":1,\"s\":1}],\"networks\":[{\"mode\":\"host\",\"r\":1}],"
          + "\"secrets\":{\"s\":{\"source\":\"x\",\"q\":1}},\"versionInfo\":{\"p\":1},\"deployments\":[{\"id\":\"d\","
          + "\"o\":1}],\"lastTaskFailure\":{\"n\":1}}", App.class);

      assertThat(app.container().docker().portMappings().get(0).containerPort()).isEqualTo(1);
      assertThat(app.secrets().get("s").source()).isEqualTo("x");
    }

    @Test
    void unreachableStrategyOfAnyOtherShapeIsRefused() {
      assertThatThrownBy(() -> json.readValue("{\"unreachableStrategy\":\"sometimes\"}", App.class))
          .isInstanceOf(JsonMappingException.class);
      assertThatThrownBy(() -> json.readValue("{\"unreachableStrategy\":{\"inactiveAfterSeconds\":1.5}}", App.class))
          .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void envValuesAreTextOrSecretReferencesOnly() {
      assertThatThrownBy(() -> json.readValue("{\"env\":{\"N\":5}}", App.class))
          .isInstanceOf(JsonMappingException.class);
      assertThatThrownBy(() -> json.readValue("{\"env\":{\"N\":{\"secret\":\"a\",\"b\":1}}}", App.class))
          .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void nullEntriesReachTheValidatorWithTheirPath() throws IOException {
      App app = json.readValue("{\"id\":\"/a\",\"cmd\":\"x\",\"env\":{\"N\":null},\"args\":null,"
          + "\"constraints\":[[\"hostname\",\"UNIQUE\",null]],\"labels\":{\"l\":null}}", App.class);

      assertThat(AppValidator.validate(app.normalized())).extracting(Violation::path)
          .containsExactly("/constraints/0", "/labels/l", "/env/N");
    }

    @Test
    void errorBodiesAlwaysHaveDetails() throws IOException {
      ErrorBody body = json.readValue("{\"message\":\"App '/x' does not exist\"}", ErrorBody.class);

      assertThat(body.details()).isEmpty();
      assertThat(json.writeValueAsString(body)).isEqualTo("{\"message\":\"App '/x' does not exist\",\"details\":[]}");
    }
  }
}
