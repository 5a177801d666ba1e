package io.berth.scheduler.cluster.mesos;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure functions on master URLs: reading the configured list, the scheduler endpoint under a
 * master, and the protocol-relative {@code Location} of a 307 from a non-leading master.
 */
public final class MasterUrls {
  /** The port a Mesos master listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 5050;
  public static final String SCHEDULER_PATH = "/api/v1/scheduler";

  private MasterUrls() {}

  /** {@code "http://h1:5050, h2:5050"} to {@code [http://h1:5050, http://h2:5050]}, in order. */
  public static List<URI> parseList(String value) {
    List<URI> masters = new ArrayList<>();
    for (String entry : value.split(",")) {
      if (!entry.isBlank()) {
        masters.add(normalise(entry));
      }
    }
    if (masters.isEmpty()) {
      throw new IllegalArgumentException("no Mesos master in '" + value + "'");
    }
    return List.copyOf(masters);
  }

  /**
   * One configured master to its base URL {@code scheme://host:port}: a bare {@code host:port} (or
   * {@code host}) becomes {@code http://host:port}; the port defaults to 5050.
   */
  public static URI normalise(String entry) {
    String trimmed = entry.trim();
    String withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw bad(entry, "not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw bad(entry, "the scheme must be http or https");
    }
    if (uri.getHost() == null) {
      throw bad(entry, "no host:port");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw bad(entry, "user info, query and fragment are not allowed");
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw bad(entry, "give the master's base URL only, without a path");
    }
    return base(scheme, uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
  }

  /** The scheduler API of a master given by its base URL. */
  public static URI endpoint(URI master) {
    return URI.create(master.getScheme() + "://" + master.getRawAuthority() + SCHEDULER_PATH);
  }

  /** The base URL ({@code scheme://host:port}) of an endpoint. */
  public static URI masterOf(URI endpoint) {
    return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority());
  }

  /**
   * Where a 307 sends us. Mesos writes {@code //host:port/api/v1/scheduler} (protocol-relative),
   * resolved against the scheme we used; an absolute URL is taken as it is, and a bare
   * {@code host:port} (as the docs' example shows) gets the scheme and path we used.
   */
  public static URI resolveLocation(URI requested, String location) {
    if (location == null || location.isBlank()) {
      throw new MesosCallException("307 from " + requested + " without a Location header");
    }
    String value = location.trim();
    String absolute;
    if (value.startsWith("//")) {
      absolute = requested.getScheme() + ":" + value;
    } else if (value.contains("://")) {
      absolute = value;
    } else {
      absolute = requested.getScheme() + "://" + value;
    }
    try {
      URI uri = new URI(absolute);
      if (uri.getHost() == null) {
        throw new MesosCallException("307 from " + requested + " names no host: '" + location + "'");
      }
      String path = uri.getRawPath();
      return path == null || path.isEmpty() ? URI.create(absolute + requested.getRawPath()) : uri;
    } catch (URISyntaxException e) {
      throw new MesosCallException("307 from " + requested + " with a bad Location '" + location + "'", e);
    }
  }

  private static URI base(String scheme, String host, int port) {
    try {
      return new URI(scheme, null, host, port, null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException("bad Mesos master '" + entry.trim() + "': " + why);
  }
}
