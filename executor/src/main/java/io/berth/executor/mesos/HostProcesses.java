package io.berth.executor.mesos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes of this host as {@code /proc} shows them: this process's {@link ProcessIdentity},
 * and whether another identity is still alive. Anything it cannot read makes the answer
 * {@link Liveness#UNKNOWN}, never {@link Liveness#GONE}.
 */
public final class HostProcesses {

  private static final Pattern NAMESPACE_LINK = Pattern.compile("pid:\\[([0-9]+)\\]");

  private final Path proc;

  /** @param proc where procfs is mounted; tests give a directory that looks like it */
  public HostProcesses(Path proc) {
    this.proc = proc;
  }

  public static HostProcesses system() {
    return new HostProcesses(Path.of("/proc"));
  }

  /** This process; empty when {@code /proc} does not say (not Linux, or no procfs). */
  public Optional<ProcessIdentity> self() {
    try {
      return identity(Long.parseLong(Files.readSymbolicLink(proc.resolve("self")).getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The process with this pid in this process's pid namespace; empty when there is none or /proc does not say. */
  public Optional<ProcessIdentity> identity(long pid) {
    try {
      Optional<String> boot = bootId();
      OptionalLong namespace = pidNamespace();
      Optional<Stat> stat = stat(pid);
      if (boot.isEmpty() || namespace.isEmpty() || stat.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ProcessIdentity(boot.get(), namespace.getAsLong(), pid, stat.get().startTicks()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code process} still runs: another boot means gone; another pid namespace, unknown. */
  public Liveness liveness(ProcessIdentity process) {
    try {
      Optional<String> boot = bootId();
      OptionalLong namespace = pidNamespace();
      if (boot.isEmpty() || namespace.isEmpty()) {
        return Liveness.UNKNOWN;
      }
      if (!boot.get().equals(process.bootId())) {
        return Liveness.GONE;
      }
      if (namespace.getAsLong() != process.pidNamespace() || !Files.isDirectory(proc.resolve("1"))) {
        // Another namespace's pids mean nothing here; without pid 1, procfs hides other users' processes.
        return Liveness.UNKNOWN;
      }
      Optional<Stat> stat;
      try {
        stat = stat(process.pid());
      } catch (NoSuchFileException e) {
        return Liveness.GONE;
      }
      if (stat.isEmpty()) {
        return Liveness.UNKNOWN;
      }
      if (stat.get().startTicks() != process.startTicks() || stat.get().zombie()) {
        return Liveness.GONE;
      }
      return Liveness.ALIVE;
    } catch (IOException | RuntimeException e) {
      return Liveness.UNKNOWN;
    }
  }

  private Optional<String> bootId() throws IOException {
    Path file = proc.resolve("sys/kernel/random/boot_id");
    String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
    return id.matches("[0-9A-Za-z-]+") ? Optional.of(id) : Optional.empty();
  }

  private OptionalLong pidNamespace() throws IOException {
    Matcher m = NAMESPACE_LINK.matcher(Files.readSymbolicLink(proc.resolve("self/ns/pid")).toString());
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** The process's {@code stat}; NoSuchFileException when no process has the pid. */
  private Optional<Stat> stat(long pid) throws IOException {
    return Stat.parse(Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
  }

  /** The two fields of {@code /proc/<pid>/stat} that matter here: the state (3) and the start time (22). */
  record Stat(char state, long startTicks) {

    /** Zombies and dead processes have ended; only their parent has not collected them yet. */
    boolean zombie() {
      return state == 'Z' || state == 'X' || state == 'x';
    }

    /**
     * Parses {@code pid (comm) state ppid ...}. The command name may hold spaces and parentheses,
     * so fields are counted after its last {@code )}.
     */
    static Optional<Stat> parse(String line) {
      int end = line.lastIndexOf(')');
      if (end < 0 || end + 2 > line.length()) {
        return Optional.empty();
      }
      String[] fields = line.substring(end + 2).trim().split(" +");
      if (fields.length < 20 || fields[0].length() != 1) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[19])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
