package io.berth.scheduler;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a configuration file, or, when no such file exists, the resource of that name in the jar. */
final class FileOrClasspathSourceProvider implements ConfigurationSourceProvider {
  @Override
  public InputStream open(String path) throws IOException {
    Path file = Path.of(path);
    if (Files.exists(file)) {
      return Files.newInputStream(file);
    }
    InputStream resource = getClass().getClassLoader().getResourceAsStream(path);
    if (resource == null) {
      throw new FileNotFoundException("no configuration file or bundled resource named " + path);
    }
    return resource;
  }
}
