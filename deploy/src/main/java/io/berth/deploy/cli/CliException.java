package io.berth.deploy.cli;

/** Ends a command with {@code exitCode}, printing {@code message} to stderr. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  static CliException refused(String message) {
    return new CliException(ExitCodes.REFUSED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
