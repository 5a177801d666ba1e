package io.berth.scheduler.testing.mesos;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;

/**
 * The FrameworkInfo checks the master makes after answering 200 to a SUBSCRIBE (their failures
 * travel as an ERROR event): roles against the MULTI_ROLE capability, role names, and suppressed
 * roles against the roles.
 */
final class FrameworkValidation {

  private FrameworkValidation() {}

  /** Null when valid, else the error message. */
  @SuppressWarnings("deprecation")
  static String validate(FrameworkInfo info, List<String> suppressedRoles) {
    boolean multiRole = info.getCapabilitiesList().stream()
        .anyMatch(c -> c.getType() == Capability.Type.MULTI_ROLE);
    if (!multiRole && info.getRolesCount() > 0) {
      return "'FrameworkInfo.roles' is set but the framework does not have the MULTI_ROLE capability";
    }
    if (multiRole && info.hasRole()) {
      return "'FrameworkInfo.role' must not be set when the framework has the MULTI_ROLE capability";
    }
    List<String> roles = multiRole ? info.getRolesList() : List.of(info.hasRole() ? info.getRole() : "*");
    Set<String> seen = new HashSet<>();
    for (String role : roles) {
      String problem = roleProblem(role);
      if (problem != null) {
        return "Invalid role '" + role + "': " + problem;
      }
      if (!seen.add(role)) {
        return "'FrameworkInfo.roles' contains duplicate role '" + role + "'";
      }
    }
    for (String role : suppressedRoles) {
      if (!seen.contains(role)) {
        return "Suppressed role '" + role + "' is not contained in the list of roles";
      }
    }
    return null;
  }

  static String roleProblem(String role) {
    if (role.isEmpty()) {
      return "empty role name is invalid";
    }
    if (role.equals(".") || role.equals("..")) {
      return "role name cannot be '.' or '..'";
    }
    if (role.startsWith("-")) {
      return "role name cannot start with '-'";
    }
    for (char c : role.toCharArray()) {
      if (Character.isWhitespace(c) || c == '\\' || Character.isISOControl(c)) {
        return "role name cannot contain whitespace, backslashes or control characters";
      }
    }
    return null;
  }
}
