package io.berth.scheduler.testing.mesos;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;

/** The master's record of one framework; guarded by the {@link Master}'s lock. */
final class Framework {

  /** An offer filter: offers of resources within {@code refused} are not made until {@code until}. */
  record Filter(Res refused, Instant until) {}

  final String id;
  FrameworkInfo info;
  EventStream stream;
  ScheduledFuture<?> heartbeat;
  ScheduledFuture<?> failoverTimer;
  final Set<String> suppressedRoles = new HashSet<>();
  final Map<String, Filter> filters = new HashMap<>();

  Framework(String id, FrameworkInfo info) {
    this.id = id;
    this.info = info;
  }

  boolean connected() {
    return stream != null;
  }

  boolean partitionAware() {
    return has(Capability.Type.PARTITION_AWARE);
  }

  boolean multiRole() {
    return has(Capability.Type.MULTI_ROLE);
  }

  boolean has(Capability.Type type) {
    return info.getCapabilitiesList().stream().anyMatch(c -> c.getType() == type);
  }

  /** The framework's roles: {@code roles} with MULTI_ROLE, else the legacy {@code role} ("*"). */
  @SuppressWarnings("deprecation")
  List<String> roles() {
    return multiRole() ? info.getRolesList() : List.of(info.hasRole() ? info.getRole() : "*");
  }

  /** The role offers are made to: the first unsuppressed one, or null when there is none. */
  String offerRole() {
    for (String role : roles()) {
      if (!suppressedRoles.contains(role)) {
        return role;
      }
    }
    return null;
  }
}
