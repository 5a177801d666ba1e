package io.berth.executor.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import io.berth.executor.pod.ContainerSpec;
import io.berth.executor.pod.HostOptions;
import io.berth.executor.pod.PortBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Fills docker-java's create command from a {@link ContainerSpec}. */
final class CreateRequest {

  private CreateRequest() {}

  static CreateContainerCmd fill(CreateContainerCmd cmd, ContainerSpec spec) {
    HostOptions o = spec.options();
    cmd.withName(spec.name()).withImage(spec.image()).withEnv(spec.envList()).withLabels(spec.labels());
    if (spec.entrypoint() != null) {
      cmd.withEntrypoint(spec.entrypoint());
    }
    if (spec.command() != null) {
      cmd.withCmd(spec.command());
    }
    if (o.hostname() != null) {
      cmd.withHostName(o.hostname());
    }
    if (o.user() != null) {
      cmd.withUser(o.user());
    }
    if (o.workdir() != null) {
      cmd.withWorkingDir(o.workdir());
    }
    Ports ports = new Ports();
    List<ExposedPort> exposed = new ArrayList<>();
    for (PortBinding p : spec.ports()) {
      ExposedPort e = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
      exposed.add(e);
      ports.bind(e, Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort()));
    }
    if (!exposed.isEmpty()) {
      cmd.withExposedPorts(exposed);
    }
    HostConfig host = HostConfig.newHostConfig().withNetworkMode(spec.networkMode()).withPortBindings(ports)
        .withPrivileged(o.privileged());
    if (spec.memoryBytes() > 0) {
      host.withMemory(spec.memoryBytes());
    }
    if (spec.logDriver() != null) {
      host.withLogConfig(new LogConfig(loggingType(spec.logDriver().type()), spec.logDriver().options()));
    }
    hostOptions(host, o);
    host.withCpuShares(o.cpuShares() != null ? o.cpuShares() : cpuShares(spec.nanoCpus()));
    return cmd.withHostConfig(host);
  }

  /**
   * An app's {@code cpus} become CPU shares (cpus × 1024, at least 2), as Mesos' Docker containerizer
   * does: a relative weight, not a hard cap. A hard CFS quota of 0.1 cpu makes even container start
   * take seconds, and Marathon users size {@code cpus} as a share. {@code cpu-shares} in the app's
   * docker parameters wins. Null (the daemon's default weight) when the spec has no cpus.
   */
  static Integer cpuShares(long nanoCpus) {
    return nanoCpus <= 0 ? null : (int) Math.max(2, Math.round(nanoCpus / 1e9 * 1024));
  }

  private static void hostOptions(HostConfig host, HostOptions o) {
    host.withBinds(o.binds().stream().map(Bind::parse).toList());
    host.withCapAdd(o.capAdd().stream().map(CreateRequest::capability).toArray(Capability[]::new));
    host.withCapDrop(o.capDrop().stream().map(CreateRequest::capability).toArray(Capability[]::new));
    host.withDns(o.dns()).withDnsSearch(o.dnsSearch()).withExtraHosts(o.extraHosts().toArray(String[]::new));
    if (!o.securityOpts().isEmpty()) {
      host.withSecurityOpts(o.securityOpts());
    }
    if (!o.sysctls().isEmpty()) {
      host.withSysctls(o.sysctls());
    }
    if (!o.tmpfs().isEmpty()) {
      host.withTmpFs(o.tmpfs());
    }
    if (!o.ulimits().isEmpty()) {
      host.withUlimits(o.ulimits().stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
    }
    host.withShmSize(o.shmSizeBytes()).withMemorySwap(o.memorySwapBytes())
        .withMemoryReservation(o.memoryReservationBytes()).withPidsLimit(o.pidsLimit())
        .withOomScoreAdj(o.oomScoreAdj())
        .withReadonlyRootfs(o.readOnlyRootfs()).withInit(o.init());
  }

  private static Capability capability(String name) {
    try {
      return Capability.valueOf(name.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""));
    } catch (IllegalArgumentException e) {
      throw new ContainerRuntimeException("unknown capability: " + name);
    }
  }

  private static LogConfig.LoggingType loggingType(String type) {
    for (LogConfig.LoggingType t : LogConfig.LoggingType.values()) {
      if (t.getType().equals(type)) {
        return t;
      }
    }
    throw new ContainerRuntimeException("unsupported log driver: " + type);
  }
}
