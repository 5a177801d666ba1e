package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.api.model.App;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppFileTest {

  @Test
  void readsADefinition() throws Exception {
    App app = AppFile.parse("{\"id\": \"/team/web\", \"cmd\": \"serve\", \"instances\": 2, \"dockerForcePull\": true}",
        "app.json");
    assertThat(app.id()).isEqualTo("/team/web");
    assertThat(app.instances()).isEqualTo(2);
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("app.json"), "{\"id\": \"/a\"}");
    assertThat(AppFile.read(file).id()).isEqualTo("/a");
  }

  @Test
  void aMissingFileIsAUsageError(@TempDir Path dir) {
    assertThat(usageError(() -> AppFile.read(dir.resolve("nope.json")))).startsWith("no such file: ");
  }

  @Test
  void brokenJsonNamesTheFileAndLine() {
    assertThat(usageError(() -> AppFile.parse("{\n  \"id\": \"/a\",\n  oops\n}", "app.json")))
        .startsWith("app.json is not valid JSON: ").contains("line 3");
  }

  @Test
  void theDefinitionMustBeAnObjectWithAnId() {
    assertThat(usageError(() -> AppFile.parse("[1]", "app.json"))).isEqualTo("app.json must hold one JSON object (an app definition)");
    assertThat(usageError(() -> AppFile.parse("{\"cmd\": \"x\"}", "app.json"))).isEqualTo("app.json has no \"id\"");
    assertThat(usageError(() -> AppFile.parse("{\"id\": 7}", "app.json"))).isEqualTo("app.json has no \"id\"");
  }

  @Test
  void theIdIsMadeCanonicalAndMustNameAnApp() {
    assertThat(AppFile.parse("{\"id\": \"team/web/\"}", "app.json").id()).isEqualTo("/team/web");
    assertThat(usageError(() -> AppFile.parse("{\"id\": \"/\"}", "app.json")))
        .isEqualTo("app.json: \"id\" must name an app (such as /team/web), not '/'");
  }

  @Test
  void aFieldOfTheWrongTypeIsAUsageError() {
    assertThat(usageError(() -> AppFile.parse("{\"id\": \"/a\", \"instances\": \"many\"}", "app.json")))
        .startsWith("app.json is not an app definition: ");
  }

  private static String usageError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    CliException e = catchThrowableOfType(CliException.class, call);
    assertThat(e).isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
    return e.getMessage();
  }
}
