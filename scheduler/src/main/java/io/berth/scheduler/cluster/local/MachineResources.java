package io.berth.scheduler.cluster.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this machine has: the defaults of {@link LocalClusterConfig}. */
final class MachineResources {

  private static final double MB = 1024.0 * 1024.0;
  private static final Path DOCKER_ROOT = Path.of("/var/lib/docker");

  private MachineResources() {}

  static double cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Total physical memory in MB (whole MB). */
  static double memMb() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.floor(os.getTotalMemorySize() / MB);
    }
    return Math.floor(Runtime.getRuntime().maxMemory() / MB);
  }

  /** 1024 MB, or a quarter of the memory when that is less. */
  static double defaultMemReserveMb() {
    return Math.min(1024, Math.floor(memMb() / 4));
  }

  /** Free space for unprivileged use in MB (whole MB); 0 when the directory cannot be read. */
  static double freeDiskMb(Path dir) {
    try {
      return Math.floor(Files.getFileStore(dir).getUsableSpace() / MB);
    } catch (IOException | SecurityException e) {
      return 0;
    }
  }

  static Path defaultDataDir() {
    return Files.isDirectory(DOCKER_ROOT) ? DOCKER_ROOT : Path.of("").toAbsolutePath();
  }

  static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
