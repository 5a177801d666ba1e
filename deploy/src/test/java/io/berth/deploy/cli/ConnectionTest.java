package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ConnectionTest {

  @Test
  void noCredentials() {
    Connection c = Connection.of("http://berth:8080", null, null, null);
    assertThat(c.basicAuth()).isFalse();
    assertThat(c.tokenAuth()).isFalse();
  }

  @Test
  void basicAuthNeedsBothUserAndPassword() {
    assertThat(Connection.of("http://berth", "ci", "s3cret", null).basicAuth()).isTrue();
    assertThat(usageError("http://berth", "ci", null, null)).isEqualTo("--user needs --password");
    assertThat(usageError("http://berth", null, "s3cret", null)).isEqualTo("--password needs --user");
  }

  @Test
  void tokenExcludesBasicAuth() {
    assertThat(Connection.of("https://berth", null, null, "t0ken").tokenAuth()).isTrue();
    assertThat(usageError("http://berth", "ci", "s3cret", "t0ken"))
        .isEqualTo("Give either --token or --user/--password, not both");
  }

  @Test
  void blankValuesCountAsAbsent() {
    Connection c = Connection.of(" http://berth ", " ", "", " ");
    assertThat(c.url()).isEqualTo("http://berth");
    assertThat(c.basicAuth()).isFalse();
    assertThat(c.tokenAuth()).isFalse();
  }

  @Test
  void theUrlMustBeHttpWithAHost() {
    assertThat(usageError("localhost:8080", null, null, null)).contains("must be an http(s) URL");
    assertThat(usageError("ftp://berth", null, null, null)).contains("must be an http(s) URL");
    assertThat(usageError("http://bad host", null, null, null)).startsWith("--url is not a URL");
    assertThat(usageError("", null, null, null)).isEqualTo("--url is empty");
  }

  @Test
  void neverPrintsSecrets() {
    assertThat(Connection.of("http://berth", "ci", "s3cret", null).toString()).doesNotContain("s3cret");
    assertThat(Connection.of("http://berth", null, null, "t0ken").toString()).doesNotContain("t0ken");
  }

  private static String usageError(String url, String user, String password, String token) {
    CliException e = catchThrowableOfType(CliException.class, () -> Connection.of(url, user, password, token));
    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
    return e.getMessage();
  }
}
