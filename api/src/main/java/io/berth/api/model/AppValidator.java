package io.berth.api.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Marathon's rules for an app definition, checked on the normalized form. Returns every
 * violation (path as a JSON pointer, rule in words); an empty list means valid.
 */
public final class AppValidator {

  /** Upper bounds: generous, but a typo like {@code "mem": 1e12} is refused rather than scheduled. */
  public static final int MAX_INSTANCES = 100_000;
  public static final double MAX_CPUS = 4096;
  public static final double MAX_MEM_MB = 64L * 1024 * 1024;
  public static final double MAX_DISK_MB = 1024L * 1024 * 1024;
  public static final int MAX_GPUS = 128;
  public static final int MAX_BACKOFF_SECONDS = 86_400;
  public static final int MAX_KILL_GRACE_SECONDS = 3_600;
  public static final int MAX_ID_LENGTH = 255;

  static final List<String> OPERATORS = List.of("UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER", "IS");
  static final List<String> CONTAINER_TYPES = List.of("DOCKER", "MESOS");
  static final List<String> DOCKER_NETWORKS = List.of("BRIDGE", "HOST", "NONE", "USER");
  static final List<String> PORT_PROTOCOLS = List.of("tcp", "udp", "udp,tcp", "tcp,udp");
  static final List<String> HEALTH_PROTOCOLS =
      List.of("HTTP", "HTTPS", "TCP", "COMMAND", "MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP");
  static final List<String> KILL_SELECTIONS = List.of("YOUNGEST_FIRST", "OLDEST_FIRST");
  static final List<String> VOLUME_MODES = List.of("RO", "RW");
  static final List<String> NETWORK_MODES = List.of("host", "container", "container/bridge");
  private static final Pattern ROLE = Pattern.compile("^(\\*|[a-zA-Z0-9_][a-zA-Z0-9_.\\-/]*)$");
  private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  private AppValidator() {}

  /** The label that marks an app as never running twice (Marathon's single-instance apps). */
  public static final String SINGLE_INSTANCE_LABEL = "MARATHON_SINGLE_INSTANCE_APP";

  /**
   * Validates an app, normally its normalized form (see {@link App#normalized()}). A definition as
   * given works too: it is normalized here first (normalizing is idempotent), after the checks that
   * only make sense on what the user sent (both {@code ports} and {@code portDefinitions}, say).
   */
  public static List<Violation> validate(App given) {
    Violations v = new Violations();
    deprecatedFields(given, v);
    App app = given.normalized();
    id(app.id(), v);
    command(app, v);
    v.range(app.instances(), 0, MAX_INSTANCES, "/instances");
    v.range(app.cpus(), 0, MAX_CPUS, "/cpus");
    v.range(app.mem(), 0, MAX_MEM_MB, "/mem");
    v.range(app.disk(), 0, MAX_DISK_MB, "/disk");
    v.range(app.gpus(), 0, MAX_GPUS, "/gpus");
    v.range(app.backoffSeconds(), 0, MAX_BACKOFF_SECONDS, "/backoffSeconds");
    v.range(app.backoffFactor(), 1.0, 100.0, "/backoffFactor");
    v.range(app.maxLaunchDelaySeconds(), 0, MAX_BACKOFF_SECONDS, "/maxLaunchDelaySeconds");
    v.range(app.taskKillGracePeriodSeconds(), 0, MAX_KILL_GRACE_SECONDS, "/taskKillGracePeriodSeconds");
    v.oneOf(app.killSelection(), KILL_SELECTIONS, "/killSelection");
    if (app.user() != null) {
      v.require(!app.user().isBlank(), "/user", "must not be empty");
    }
    constraints(app.constraints(), v);
    roles(app.acceptedResourceRoles(), v);
    ContainerRules.check(app.container(), v);
    PortRules.check(app, v);
    labels(app.labels(), v);
    env(app, v);
    HealthRules.check(app, v);
    upgrade(app.upgradeStrategy(), v);
    unreachable(app.unreachableStrategy(), v);
    dependencies(app, v);
    fetch(app.fetch(), v);
    NetworkRules.check(app, v);
    singleInstance(app, v);
    return v.list();
  }

  /** Marathon's rules for the deprecated fields, which normalization folds into their successors. */
  private static void deprecatedFields(App given, Violations v) {
    if (given.ports() != null && given.portDefinitions() != null && !given.ports().isEmpty()
        && !given.portDefinitions().isEmpty() && !given.ports().equals(given.portDefinitions().stream()
            .map(p -> p == null ? null : p.port()).toList())) {
      v.add("/ports", "cannot specify both ports and port definitions");
    }
    if (given.uris() != null && !given.uris().isEmpty() && given.fetch() != null && !given.fetch().isEmpty()) {
      v.add("/uris", "may not be set in conjunction with fetch");
    }
  }

  private static void singleInstance(App app, Violations v) {
    if (!"true".equals(app.labels().get(SINGLE_INSTANCE_LABEL))) {
      return;
    }
    v.require(app.instances() <= 1, "/instances", "a single instance app may only have one instance");
    UpgradeStrategy s = app.upgradeStrategy();
    v.require(s.minimumHealthCapacity() == 0 && s.maximumOverCapacity() == 0, "/upgradeStrategy",
        "a single instance app needs minimumHealthCapacity 0 and maximumOverCapacity 0");
  }

  /** The error body's details for a list of violations: one entry per path. */
  public static List<ErrorBody.ErrorDetail> details(List<Violation> violations) {
    return Violations.details(violations);
  }

  static void id(String id, Violations v) {
    if (id == null || PathId.segments(id).isEmpty()) {
      v.add("/id", "must be given and not be the root group '/'");
      return;
    }
    if (id.length() > MAX_ID_LENGTH) {
      v.add("/id", "must be at most " + MAX_ID_LENGTH + " characters");
    }
    for (String segment : PathId.segments(id)) {
      if (!PathId.isValidSegment(segment)) {
        v.add("/id", "path segment '" + segment + "' must consist of lowercase letters, digits, '-' and '.', "
            + "start and end with a letter or digit, and not contain '..'");
        return;
      }
    }
  }

  private static void command(App app, Violations v) {
    boolean hasCmd = app.cmd() != null;
    boolean hasArgs = app.args() != null && !app.args().isEmpty();
    boolean hasImage = app.container() != null && app.container().docker() != null
        && app.container().docker().image() != null;
    if (hasCmd && hasArgs) {
      v.add("/", "cmd and args are mutually exclusive: give one of them");
    }
    if (hasCmd && app.cmd().isBlank()) {
      v.add("/cmd", "must not be empty");
    }
    if (!hasCmd && !hasArgs && !hasImage) {
      v.add("/", "an app needs 'cmd', 'args' or a container image");
    }
    if (app.args() != null) {
      for (int i = 0; i < app.args().size(); i++) {
        v.require(app.args().get(i) != null, "/args/" + i, "must not be null");
      }
    }
  }

  static void constraints(List<List<String>> constraints, Violations v) {
    for (int i = 0; i < constraints.size(); i++) {
      List<String> c = constraints.get(i);
      String path = "/constraints/" + i;
      if (c == null || c.size() < 2 || c.size() > 3 || c.contains(null)) {
        v.add(path, "must be [field, OPERATOR] or [field, OPERATOR, value]");
        continue;
      }
      if (c.get(0).isBlank()) {
        v.add(path + "/0", "field must not be empty");
      }
      String op = c.get(1);
      if (!OPERATORS.contains(op)) {
        v.add(path + "/1", "operator must be one of " + String.join(", ", OPERATORS));
        continue;
      }
      String value = c.size() == 3 ? c.get(2) : null;
      switch (op) {
        case "UNIQUE" -> v.require(value == null, path, "UNIQUE takes no value");
        case "LIKE", "UNLIKE" -> {
          if (value == null) {
            v.add(path, op + " needs a regular expression as its value");
          } else {
            try {
              Pattern.compile(value);
            } catch (PatternSyntaxException e) {
              v.add(path + "/2", op + " value must be a valid regular expression: " + e.getDescription());
            }
          }
        }
        case "MAX_PER" -> positiveInt(value, true, path, op, v);
        case "GROUP_BY" -> positiveInt(value, false, path, op, v);
        case "IS" -> v.require(value != null && !value.isEmpty(), path, "IS needs a value");
        // CLUSTER: without a value the first instance's value pins the rest (older Marathon; our matcher
        // does this). Marathon's current validator wants a value; an empty one says nothing, so it is refused.
        default -> v.require(value == null || !value.isEmpty(), path, "CLUSTER value must not be empty");
      }
    }
  }

  private static void positiveInt(String value, boolean required, String path, String op, Violations v) {
    if (value == null) {
      v.require(!required, path, op + " needs a number as its value");
      return;
    }
    try {
      v.require(Integer.parseInt(value) >= 1, path + "/2", op + " value must be a whole number >= 1");
    } catch (NumberFormatException e) {
      v.add(path + "/2", op + " value must be a whole number >= 1");
    }
  }

  private static void roles(List<String> roles, Violations v) {
    if (roles == null) {
      return;
    }
    v.require(!roles.isEmpty(), "/acceptedResourceRoles", "must not be empty: leave it out to accept every role");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < roles.size(); i++) {
      String r = roles.get(i);
      if (r == null || !ROLE.matcher(r).matches()) {
        v.add("/acceptedResourceRoles/" + i, "must be '*' or a role name");
      } else if (!seen.add(r)) {
        v.add("/acceptedResourceRoles/" + i, "must be unique");
      }
    }
  }

  private static void labels(Map<String, String> labels, Violations v) {
    labels.forEach((k, val) -> {
      if (k.isBlank()) {
        v.add("/labels", "label names must not be empty");
      }
      v.require(val != null, "/labels/" + k, "must be a string");
    });
  }

  private static void env(App app, Violations v) {
    app.env().forEach((name, value) -> {
      if (!ENV_NAME.matcher(name).matches()) {
        v.add("/env/" + name, "variable names must match [A-Za-z_][A-Za-z0-9_]*");
      }
      if (value == null) {
        v.add("/env/" + name, "must be a string or a secret reference");
      } else if (value.isSecret() && !app.secrets().containsKey(value.secret())) {
        v.add("/env/" + name, "references undeclared secret '" + value.secret() + "'");
      }
    });
    app.secrets().forEach((name, source) -> v.require(
        source != null && source.source() != null && !source.source().isBlank(),
        "/secrets/" + name + "/source", "must not be empty"));
  }

  private static void upgrade(UpgradeStrategy s, Violations v) {
    v.range(s.minimumHealthCapacity(), 0, 1, "/upgradeStrategy/minimumHealthCapacity");
    v.range(s.maximumOverCapacity(), 0, 1, "/upgradeStrategy/maximumOverCapacity");
  }

  private static void unreachable(UnreachableStrategy s, Violations v) {
    if (s.disabled()) {
      return;
    }
    v.range(s.inactiveAfterSeconds(), 0, Long.MAX_VALUE, "/unreachableStrategy/inactiveAfterSeconds");
    v.range(s.expungeAfterSeconds(), 0, Long.MAX_VALUE, "/unreachableStrategy/expungeAfterSeconds");
    if (s.inactiveAfterSeconds() != null && s.expungeAfterSeconds() != null
        && s.expungeAfterSeconds() < s.inactiveAfterSeconds()) {
      v.add("/unreachableStrategy/expungeAfterSeconds", "must be greater than or equal to inactiveAfterSeconds");
    }
  }

  private static void dependencies(App app, Violations v) {
    for (int i = 0; i < app.dependencies().size(); i++) {
      String d = app.dependencies().get(i);
      String path = "/dependencies/" + i;
      if (d == null || PathId.segments(d).isEmpty()
          || !PathId.segments(d).stream().allMatch(PathId::isValidSegment)) {
        v.add(path, "must be a valid app or group path id");
      } else if (d.equals(app.id())) {
        v.add(path, "an app cannot depend on itself");
      }
    }
  }

  private static void fetch(List<Fetch> fetch, Violations v) {
    for (int i = 0; i < fetch.size(); i++) {
      Fetch f = fetch.get(i);
      v.require(f != null && f.uri() != null && !f.uri().isBlank(), "/fetch/" + i + "/uri", "must not be empty");
    }
  }

}
