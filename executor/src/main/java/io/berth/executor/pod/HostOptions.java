package io.berth.executor.pod;

import java.util.List;
import java.util.Map;

/**
 * The Docker settings an app may ask for through {@code container.docker.parameters} (and
 * {@code privileged}, {@code volumes}); each maps to one field of Docker's container config or
 * HostConfig. Null or empty = Docker's default.
 */
public record HostOptions(
    boolean privileged,
    List<String> binds,
    List<String> capAdd,
    List<String> capDrop,
    List<String> dns,
    List<String> dnsSearch,
    List<String> extraHosts,
    List<String> securityOpts,
    Map<String, String> sysctls,
    Map<String, String> tmpfs,
    List<Ulimit> ulimits,
    Long shmSizeBytes,
    Long memorySwapBytes,
    Long memoryReservationBytes,
    Long pidsLimit,
    Integer cpuShares,
    Integer oomScoreAdj,
    Boolean readOnlyRootfs,
    Boolean init,
    String hostname,
    String user,
    String workdir) {

  public HostOptions {
    binds = List.copyOf(binds);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    dns = List.copyOf(dns);
    dnsSearch = List.copyOf(dnsSearch);
    extraHosts = List.copyOf(extraHosts);
    securityOpts = List.copyOf(securityOpts);
    sysctls = Map.copyOf(sysctls);
    tmpfs = Map.copyOf(tmpfs);
    ulimits = List.copyOf(ulimits);
  }

  public static HostOptions none() {
    return new HostOptions(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), Map.of(), Map.of(), List.of(), null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** A {@code --ulimit name=soft[:hard]}. */
  public record Ulimit(String name, long soft, long hard) {}
}
