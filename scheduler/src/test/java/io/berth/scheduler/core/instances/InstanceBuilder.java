package io.berth.scheduler.core.instances;

import java.time.Instant;
import java.util.List;

/** Builds instances for tests: {@code anInstance().running().on("agent-1").healthy().build()}. */
public final class InstanceBuilder {

  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static int counter;

  private String appId = "/team/web";
  private String uuid;
  private String version = "2026-01-01T00:00:00.000Z";
  private String agentId;
  private String host;
  private List<Integer> ports = List.of(31000);
  private InstanceState state = InstanceState.SCHEDULED;
  private Boolean healthy;
  private Instant stagedAt;
  private Instant startedAt;
  private Instant changedAt;
  private String message;
  private Goal goal = Goal.RUNNING;

  private InstanceBuilder() {
    uuid = String.format("00000000-0000-0000-0000-%012d", ++counter);
  }

  public static InstanceBuilder anInstance() {
    return new InstanceBuilder();
  }

  public InstanceBuilder ofApp(String id) {
    this.appId = id;
    return this;
  }

  public InstanceBuilder withUuid(String value) {
    this.uuid = value;
    return this;
  }

  public InstanceBuilder withVersion(String value) {
    this.version = value;
    return this;
  }

  public InstanceBuilder in(InstanceState value) {
    this.state = value;
    return this;
  }

  public InstanceBuilder scheduled() {
    return in(InstanceState.SCHEDULED);
  }

  public InstanceBuilder provisioned() {
    return in(InstanceState.PROVISIONED);
  }

  public InstanceBuilder staging() {
    return in(InstanceState.STAGING);
  }

  public InstanceBuilder running() {
    return in(InstanceState.RUNNING);
  }

  public InstanceBuilder killing() {
    return in(InstanceState.KILLING);
  }

  public InstanceBuilder unreachable() {
    return in(InstanceState.UNREACHABLE);
  }

  public InstanceBuilder on(String agent) {
    this.agentId = agent;
    this.host = agent.replace("agent", "host");
    return this;
  }

  public InstanceBuilder healthy() {
    this.healthy = true;
    return this;
  }

  public InstanceBuilder unhealthy() {
    this.healthy = false;
    return this;
  }

  public InstanceBuilder stagedAt(Instant at) {
    this.stagedAt = at;
    return this;
  }

  public InstanceBuilder startedAt(Instant at) {
    this.startedAt = at;
    return this;
  }

  public InstanceBuilder changedAt(Instant at) {
    this.changedAt = at;
    return this;
  }

  public InstanceBuilder withMessage(String value) {
    this.message = value;
    return this;
  }

  public InstanceBuilder decommissioned() {
    this.goal = Goal.DECOMMISSIONED;
    return this;
  }

  public Instance build() {
    InstanceId id = InstanceId.forApp(appId, uuid);
    boolean launched = state != InstanceState.SCHEDULED;
    String agent = agentId == null && launched ? "agent-1" : agentId;
    String hostName = host == null && launched ? "host-1" : host;
    Instant staged = stagedAt == null && launched ? T0 : stagedAt;
    Instant started = startedAt == null && state == InstanceState.RUNNING ? staged : startedAt;
    Instant changed = changedAt != null ? changedAt : started != null ? started : staged != null ? staged : T0;
    return new Instance(id, appId, version, launched ? agent : agentId, launched ? hostName : host,
        launched ? ports : List.of(), state, healthy, staged, started, changed, message, goal);
  }
}
