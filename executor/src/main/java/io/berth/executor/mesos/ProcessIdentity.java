package io.berth.executor.mesos;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process on one host, told apart from any later process that gets the same pid: the kernel's
 * boot id, the inode of its pid namespace, its pid there, and its start time in clock ticks after
 * boot (field 22 of {@code /proc/<pid>/stat}). As a label:
 * {@code <boot id>/<pid namespace>/<pid>/<start ticks>}.
 */
public record ProcessIdentity(String bootId, long pidNamespace, long pid, long startTicks) {

  private static final Pattern LABEL = Pattern.compile("([0-9A-Za-z-]+)/([0-9]+)/([0-9]+)/([0-9]+)");

  public ProcessIdentity {
    Objects.requireNonNull(bootId, "bootId");
    if (!bootId.matches("[0-9A-Za-z-]+")) {
      throw new IllegalArgumentException("a boot id is letters, digits and '-': " + bootId);
    }
    if (pidNamespace < 0 || pid <= 0 || startTicks < 0) {
      throw new IllegalArgumentException("not a process: " + pidNamespace + "/" + pid + "/" + startTicks);
    }
  }

  /** The value of the {@code berth.executor-owner} label. */
  public String label() {
    return bootId + "/" + pidNamespace + "/" + pid + "/" + startTicks;
  }

  /** The identity a label names; empty when the label is not one (the pod's owner is then unknown). */
  public static Optional<ProcessIdentity> parse(String label) {
    Matcher m = LABEL.matcher(label == null ? "" : label.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProcessIdentity(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
          Long.parseLong(m.group(4))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return label();
  }
}
