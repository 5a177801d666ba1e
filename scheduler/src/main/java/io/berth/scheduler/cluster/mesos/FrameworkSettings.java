package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What Berth tells Mesos about itself in SUBSCRIBE.
 *
 * @param roles the roles Berth receives offers for (MULTI_ROLE); at least one
 * @param failoverTimeout how long Mesos keeps Berth's tasks after the scheduler disconnects
 * @param principal the authentication principal; null when the master needs none
 */
public record FrameworkSettings(String name, String user, List<String> roles, Duration failoverTimeout,
                                String principal) {
  /** The HA guide asks for a week or more; Mesos' own default (0) tears everything down at once. */
  public static final Duration DEFAULT_FAILOVER_TIMEOUT = Duration.ofDays(7);

  public FrameworkSettings {
    requireNonNull(name, "name");
    requireNonNull(user, "user");
    requireNonNull(failoverTimeout, "failoverTimeout");
    roles = List.copyOf(roles);
    if (name.isBlank() || user.isBlank()) {
      throw new IllegalArgumentException("framework name and user must not be blank");
    }
    if (roles.isEmpty() || roles.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("framework roles must be non-empty and not blank, were " + roles);
    }
    if (failoverTimeout.isNegative()) {
      throw new IllegalArgumentException("failoverTimeout must not be negative, was " + failoverTimeout);
    }
  }

  /** Name, user and one role, with the default failover timeout and no principal. */
  public static FrameworkSettings of(String name, String user, String role) {
    return new FrameworkSettings(name, user, List.of(role), DEFAULT_FAILOVER_TIMEOUT, null);
  }

  public FrameworkSettings withFailoverTimeout(Duration value) {
    return new FrameworkSettings(name, user, roles, value, principal);
  }

  public FrameworkSettings withPrincipal(String value) {
    return new FrameworkSettings(name, user, roles, failoverTimeout, value);
  }
}
