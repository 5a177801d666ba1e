package io.berth.deploy.cli;

import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth}: deploys and inspects apps on a Berth (or Marathon) server through its v2 API.
 * Run {@code berth --help}; exit codes are in {@link ExitCodes}.
 */
@Command(name = "berth", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = BerthCli.Version.class,
    description = "Deploy and inspect apps on Berth (Marathon v2 API).",
    subcommands = {AppsCommand.class, AppCommand.class, DeployCommand.class, ScaleCommand.class,
        RestartCommand.class, DeleteCommand.class, RollbackCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:the server refused the request (message and details on stderr)",
        "2:usage error (bad arguments, unreadable app file)", "3:--wait timed out",
        "4:cannot reach the server"})
public final class BerthCli {

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      defaultValue = "${env:BERTH_URL:-http://localhost:8080}",
      description = "Server URL (default: $BERTH_URL or http://localhost:8080).")
  String url;

  @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", defaultValue = "${env:BERTH_USER}",
      description = "HTTP Basic user (default: $BERTH_USER).")
  String user;

  @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD", defaultValue = "${env:BERTH_PASSWORD}",
      description = "HTTP Basic password (default: $BERTH_PASSWORD; prefer the variable, options show in ps).")
  String password;

  @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", defaultValue = "${env:BERTH_TOKEN}",
      description = "Sends 'Authorization: token=TOKEN' (default: $BERTH_TOKEN).")
  String token;

  private final ClientFactory clients;
  private final Ticker ticker;

  /** The real thing: the Feign client and the system clock. */
  public BerthCli() {
    this(ClientFactory.FEIGN, Ticker.SYSTEM);
  }

  BerthCli(ClientFactory clients, Ticker ticker) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BerthCli()).execute(args));
  }

  Connection connection() {
    return Connection.of(url, user, password, token);
  }

  ClientFactory clients() {
    return clients;
  }

  Ticker ticker() {
    return ticker;
  }

  /** The jar's version, when the manifest has it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BerthCli.class.getPackage().getImplementationVersion();
      return new String[] {"berth " + (v == null ? "(development build)" : v)};
    }
  }
}
