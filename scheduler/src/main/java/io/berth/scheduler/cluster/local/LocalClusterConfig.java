package io.berth.scheduler.cluster.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local cluster: this machine as one agent. Every field may be left out; the defaults come from
 * the machine ({@link MachineResources}).
 *
 * @param cpus cpus to offer; default: the available processors
 * @param memMb memory to offer (MB); default: physical memory minus {@code memReserveMb}
 * @param memReserveMb memory kept for the host, Docker and Berth itself; default: 1024 MB or a
 *     quarter of the memory, whichever is smaller
 * @param diskMb disk to offer (MB); default: the free space of {@code dataDir}
 * @param dataDir where containers keep their data; default: {@code /var/lib/docker} when it
 *     exists, else the working directory
 * @param portsBegin first host port to offer (default 31000)
 * @param portsEnd last host port to offer (default 32000)
 * @param hostname the agent's host name (the tasks' {@code HOST}); default: this machine's name
 * @param agentId default: {@code local-<hostname>}
 * @param offerInterval how long changes (launches, kills, ends, declines) settle before a new
 *     offer is sent; default 200 ms
 * @param adoptionTimeout how long the first offer waits for the engine to adopt or kill the pods
 *     found running at start; default 30 s
 * @param workers threads running launches and kills (each blocks on Docker); default 16
 */
public record LocalClusterConfig(
    @JsonProperty("cpus") @PositiveOrZero Double cpus,
    @JsonProperty("memMb") @PositiveOrZero Double memMb,
    @JsonProperty("memReserveMb") @PositiveOrZero Double memReserveMb,
    @JsonProperty("diskMb") @PositiveOrZero Double diskMb,
    @JsonProperty("dataDir") String dataDir,
    @JsonProperty("portsBegin") @Min(1) @Max(65535) Integer portsBegin,
    @JsonProperty("portsEnd") @Min(1) @Max(65535) Integer portsEnd,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("agentId") String agentId,
    @JsonProperty("offerInterval") Duration offerInterval,
    @JsonProperty("adoptionTimeout") Duration adoptionTimeout,
    @JsonProperty("workers") @Min(1) Integer workers) {

  public LocalClusterConfig {
    dataDir = blank(dataDir) ? MachineResources.defaultDataDir().toString() : dataDir;
    memReserveMb = memReserveMb != null ? memReserveMb : MachineResources.defaultMemReserveMb();
    cpus = cpus != null ? cpus : MachineResources.cpus();
    memMb = memMb != null ? memMb : Math.max(0, MachineResources.memMb() - memReserveMb);
    diskMb = diskMb != null ? diskMb : MachineResources.freeDiskMb(Path.of(dataDir));
    portsBegin = portsBegin != null ? portsBegin : 31000;
    portsEnd = portsEnd != null ? portsEnd : 32000;
    PortRange.of(portsBegin, portsEnd); // checks the range
    hostname = blank(hostname) ? MachineResources.hostname() : hostname;
    agentId = blank(agentId) ? "local-" + hostname : agentId;
    offerInterval = offerInterval != null ? offerInterval : Duration.ofMillis(200);
    adoptionTimeout = adoptionTimeout != null ? adoptionTimeout : Duration.ofSeconds(30);
    workers = workers != null ? workers : 16;
    if (offerInterval.isNegative() || adoptionTimeout.isNegative() || workers < 1) {
      throw new IllegalArgumentException("offerInterval and adoptionTimeout must be >= 0, workers >= 1");
    }
  }

  /** Everything from the machine. */
  public static LocalClusterConfig defaults() {
    return new LocalClusterConfig(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A machine of exactly this size (for tests and benchmarks): nothing is read from the host but its name. */
  public static LocalClusterConfig of(double cpus, double memMb, double diskMb, int portsBegin, int portsEnd,
      String hostname) {
    return new LocalClusterConfig(cpus, memMb, 0.0, diskMb, ".", portsBegin, portsEnd, hostname, null, null, null,
        null);
  }

  public LocalClusterConfig withAgentId(String value) {
    return new LocalClusterConfig(cpus, memMb, memReserveMb, diskMb, dataDir, portsBegin, portsEnd, hostname, value,
        offerInterval, adoptionTimeout, workers);
  }

  /** True when the agent id is the default one, {@code local-<hostname>}. */
  public boolean hasDefaultAgentId() {
    return agentId.equals("local-" + hostname);
  }

  public LocalClusterConfig withOfferInterval(Duration value) {
    return new LocalClusterConfig(cpus, memMb, memReserveMb, diskMb, dataDir, portsBegin, portsEnd, hostname, agentId,
        value, adoptionTimeout, workers);
  }

  public LocalClusterConfig withAdoptionTimeout(Duration value) {
    return new LocalClusterConfig(cpus, memMb, memReserveMb, diskMb, dataDir, portsBegin, portsEnd, hostname, agentId,
        offerInterval, value, workers);
  }

  /** The scalars the agent has in all. */
  public Resources total() {
    return new Resources(cpus, memMb, diskMb, 0);
  }

  public PortRange ports() {
    return PortRange.of(portsBegin, portsEnd);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
