package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A {@code zk://[user:pass@]h1:2181,h2:2181/mesos} URL, as Mesos takes it: the ensemble, the path
 * under which the masters register, and optional digest credentials.
 */
public record ZkMasterUrl(String connectString, String path, Optional<String> digest) {

  public ZkMasterUrl {
    requireNonNull(connectString, "connectString");
    requireNonNull(path, "path");
    requireNonNull(digest, "digest");
  }

  public static ZkMasterUrl parse(String value) {
    String trimmed = requireNonNull(value, "value").trim();
    if (!trimmed.regionMatches(true, 0, "zk://", 0, 5)) {
      throw bad(value, "it must start with zk://");
    }
    String rest = trimmed.substring(5);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    Optional<String> digest = Optional.empty();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String credentials = authority.substring(0, at);
      if (credentials.indexOf(':') <= 0) {
        throw bad(value, "credentials must be user:password");
      }
      digest = Optional.of(credentials);
      authority = authority.substring(at + 1);
    }
    for (String host : authority.split(",", -1)) {
      if (!host.matches("([A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?")) {
        throw bad(value, "'" + host + "' is not a host:port");
      }
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty() || path.equals("/")) {
      throw bad(value, "the path the masters register under is missing (as in zk://host:2181/mesos)");
    }
    return new ZkMasterUrl(authority, path, digest);
  }

  /** Hides the password. */
  @Override
  public String toString() {
    return "zk://" + digest.map(d -> d.substring(0, d.indexOf(':')) + ":***@").orElse("")
        + connectString + path;
  }

  private static IllegalArgumentException bad(String value, String why) {
    String shown = value == null ? "null" : value.replaceAll("//[^/@]*@", "//***@");
    return new IllegalArgumentException("bad ZooKeeper master URL '" + shown + "': " + why);
  }
}
