package io.berth.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.App;
import io.berth.api.model.PathId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An app definition file ({@code app.json}); anything unreadable is a usage error (exit 2). */
final class AppFile {

  private AppFile() {}

  static App read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.usage("no such file: " + file);
    } catch (IOException e) {
      throw CliException.usage("cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** The definition in {@code text}, which must be a JSON object with an {@code id} (made canonical: {@code /a/b}). */
  static App parse(String text, String name) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw CliException.usage(name + " is not valid JSON: " + e.getOriginalMessage()
          + location(e));
    }
    if (node == null || !node.isObject()) {
      throw CliException.usage(name + " must hold one JSON object (an app definition)");
    }
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw CliException.usage(name + " has no \"id\"");
    }
    String canonical = PathId.canonical(id.asText().strip());
    if (canonical.equals("/")) {
      throw CliException.usage(name + ": \"id\" must name an app (such as /team/web), not '" + id.asText() + "'");
    }
    try {
      return Json.MAPPER.treeToValue(node, App.class).toBuilder().id(canonical).build();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw CliException.usage(name + " is not an app definition: " + message);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
