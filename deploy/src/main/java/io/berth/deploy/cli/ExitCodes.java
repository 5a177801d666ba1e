package io.berth.deploy.cli;

/** The {@code berth} command's exit codes; scripts and the Jenkinsfile rely on them. */
public final class ExitCodes {

  /** The command did what it was asked. */
  public static final int OK = 0;
  /** The server refused the request (4xx/5xx), or answered something unexpected; details on stderr. */
  public static final int REFUSED = 1;
  /** Bad arguments: unknown option, missing parameter, unreadable app file. */
  public static final int USAGE = 2;
  /** {@code --wait} gave up: the app was not ready within {@code --timeout}. */
  public static final int TIMEOUT = 3;
  /** The server could not be reached (connection refused, unknown host, I/O failure). */
  public static final int UNREACHABLE = 4;

  private ExitCodes() {}
}
