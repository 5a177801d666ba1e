package io.berth.deploy.cli;

import io.berth.api.model.PathId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An app id argument in its canonical form: {@code team/web} and {@code /team/web/} both become
 * {@code /team/web}. The root {@code /} names no app, so it is a usage error (exit 2).
 */
final class AppIdConverter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    String id = PathId.canonical(value == null ? "" : value.strip());
    if (id.equals("/")) {
      throw new TypeConversionException("'" + value + "' is not an app id (such as /team/web)");
    }
    return id;
  }
}
