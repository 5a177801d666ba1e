package io.berth.deploy.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the server is and how to authenticate: no credentials, HTTP Basic ({@code user} and
 * {@code password}), or a token ({@code Authorization: token=...}). {@link #of} checks the combination.
 */
record Connection(String url, String user, String password, String token) {

  /** A checked connection; a bad URL or an incomplete or mixed set of credentials is a usage error. */
  static Connection of(String url, String user, String password, String token) {
    String u = blankToNull(url);
    if (u == null) {
      throw CliException.usage("--url is empty");
    }
    checkUrl(u);
    String usr = blankToNull(user);
    String pwd = password == null || password.isEmpty() ? null : password;
    String tok = blankToNull(token);
    if (tok != null && (usr != null || pwd != null)) {
      throw CliException.usage("Give either --token or --user/--password, not both");
    }
    if ((usr == null) != (pwd == null)) {
      throw CliException.usage(usr == null ? "--password needs --user" : "--user needs --password");
    }
    return new Connection(u, usr, pwd, tok);
  }

  boolean basicAuth() {
    return user != null;
  }

  boolean tokenAuth() {
    return token != null;
  }

  @Override
  public String toString() {
    return "Connection[" + url + (basicAuth() ? ", user " + user : "") + (tokenAuth() ? ", token" : "") + "]";
  }

  private static void checkUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw CliException.usage("--url must be an http(s) URL such as http://localhost:8080, not '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw CliException.usage("--url is not a URL: " + e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
