package io.berth.scheduler.testing.mesos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Mesos 1.11 cluster speaking the real v1 HTTP APIs: masters serving the scheduler
 * API (one leads), agents offering resources and running executors (real processes serving the
 * executor API, or stubs), with scriptable faults and observation for assertions. See
 * {@link Builder} for the knobs. Thread-safe.
 */
public final class MesosCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MesosCluster.class);

  private final Settings settings;
  private final Master master;
  private final MasterFaults faults;
  private final ScheduledExecutorService timer;
  private final ExecutorService pool;
  private final List<MasterServer> masterServers = new ArrayList<>();

  private MesosCluster(Settings settings) throws IOException {
    this.settings = settings;
    this.timer = Executors.newScheduledThreadPool(4, daemon("mesos-emu-timer"));
    this.pool = Executors.newCachedThreadPool(daemon("mesos-emu-http"));
    this.master = new Master(settings, timer);
    this.faults = new MasterFaults(master);
    ExecutorLauncher launcher = new ExecutorLauncher(master, pool);
    synchronized (master) {
      for (int i = 0; i < settings.agents(); i++) {
        Agent a = new Agent(master, i, master.clusterId + "-S" + i, settings.agentHostname().apply(i),
            Res.of(settings.cpus(), settings.memMb(), settings.diskMb(), settings.agentPorts().apply(i)),
            settings.agentAttributes().apply(i), settings.executors().stubbed());
        if (!a.stubbed) {
          a.server = new AgentServer(a, pool);
          a.launcher = launcher;
        }
        master.agents.add(a);
        master.agentsById.put(a.id, a);
      }
      for (int i = 0; i < settings.masters(); i++) {
        MasterServer server = new MasterServer(i, master, pool);
        masterServers.add(server);
        master.masterPorts.add(server.port());
      }
    }
    long ms = settings.allocationInterval().toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        master.allocator.allocate();
      } catch (RuntimeException e) {
        LOG.error("Allocation cycle failed", e);
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
    LOG.info("Mesos emulator: {} masters at {}, {} agents ({} executors)", settings.masters(), masterList(),
        settings.agents(), settings.executors().stubbed() ? "stub" : "real");
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- where ---------------------------------------------------------------------------------

  public List<URI> masterUrls() {
    return masterServers.stream().map(s -> URI.create("http://127.0.0.1:" + s.port())).toList();
  }

  /** The masters as {@code BERTH_MESOS_MASTER} takes them: comma-separated URLs. */
  public String masterList() {
    return masterUrls().stream().map(URI::toString).collect(Collectors.joining(","));
  }

  /** The leading master's index, or -1 while there is no leader. */
  public int leaderIndex() {
    synchronized (master) {
      return master.noLeader ? -1 : master.leader;
    }
  }

  public String agentId(int i) {
    return master.agents.get(i).id;
  }

  /** The executor API endpoint ({@code 127.0.0.1:port}) of agent {@code i} (real mode). */
  public String agentEndpoint(int i) {
    return "127.0.0.1:" + master.agents.get(i).port();
  }

  public List<String> frameworkIds() {
    synchronized (master) {
      return List.copyOf(master.frameworks.keySet());
    }
  }

  // ---- faults --------------------------------------------------------------------------------

  /** Cuts every framework's subscription connection (no ERROR); the frameworks are disconnected. */
  public void dropStream() {
    synchronized (master) {
      faults.dropStreams();
    }
  }

  public void stopHeartbeats() {
    master.heartbeatsStopped = true;
  }

  public void resumeHeartbeats() {
    master.heartbeatsStopped = false;
  }

  /**
   * Master {@code newLeader} takes over: the old leader's streams are cut, it redirects (307) to
   * the new one, offers are void, agents re-register after the configured delay.
   */
  public void failover(int newLeader) {
    Objects.checkIndex(newLeader, settings.masters());
    synchronized (master) {
      faults.failover(newLeader, settings.noLeaderFor(), settings.reregisterDelay());
    }
  }

  /** Every master answers 503 "No leader elected" until the next {@link #failover}. */
  public void noLeader() {
    synchronized (master) {
      faults.noLeader();
    }
  }

  /** A network partition: the master marks agent {@code i} unreachable; its executors keep running. */
  public void loseAgent(int i) {
    synchronized (master) {
      faults.loseAgent(master.agents.get(i));
    }
  }

  /** The partition heals: agent {@code i} re-registers and its running tasks are reported again. */
  public void restoreAgent(int i) {
    synchronized (master) {
      faults.restoreAgent(master.agents.get(i));
    }
  }

  /** SIGKILL for the executor running this task (and its descendants); a stub "exits" with 9. */
  public void crashExecutor(String taskId) {
    synchronized (master) {
      for (Agent a : master.agents) {
        for (AgentTask t : a.tasks.values()) {
          if (t.taskId().equals(taskId) && t.run != null) {
            if (a.stubbed) {
              a.executorExited(t.run, 9);
            } else {
              ExecutorLauncher.destroy(t.run);
            }
            return;
          }
        }
      }
    }
    throw new IllegalArgumentException("no executor runs task " + taskId);
  }

  // ---- observation ---------------------------------------------------------------------------

  /** The master's tasks, all frameworks: active ones and completed ones (latest state). */
  public List<TaskView> tasks() {
    return master.tasks();
  }

  public List<CallRecord> calls() {
    return List.copyOf(master.calls);
  }

  /** How many SUBSCRIBE calls were answered 200. */
  public int subscriptions() {
    return master.subscriptions.get();
  }

  public List<ExecutorProcessView> executorProcesses() {
    synchronized (master) {
      List<ExecutorProcessView> out = new ArrayList<>();
      master.agents.forEach(a -> out.addAll(a.processes()));
      return out;
    }
  }

  /** Kills every executor process and its descendants, stops the servers. */
  @Override
  public void close() {
    List<Process> processes = new ArrayList<>();
    synchronized (master) {
      master.noLeader = true;
      for (Framework fw : master.frameworks.values()) {
        if (fw.stream != null) {
          fw.stream.drop();
          fw.heartbeat.cancel(false);
          fw.stream = null;
        }
      }
      for (Agent a : master.agents) {
        a.updates.cancelAll();
        for (ExecutorRun run : a.executors.values()) {
          run.state = ExecutorRun.State.TERMINATED;
          if (run.stream != null) {
            run.stream.drop();
          }
          if (run.process != null) {
            processes.add(run.process);
            ExecutorLauncher.destroy(run);
          }
        }
      }
    }
    for (Process p : processes) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Executor process {} did not end: {}", p.pid(), e.toString());
      }
    }
    timer.shutdownNow();
    masterServers.forEach(MasterServer::stop);
    master.agents.forEach(a -> {
      if (a.server != null) {
        a.server.stop();
      }
    });
    pool.shutdownNow();
  }

  /** The cluster's knobs; defaults follow Mesos where Mesos has one. */
  public static final class Builder {
    private int masters = 1;
    private int agents = 1;
    private double cpus = 4;
    private double memMb = 4096;
    private double diskMb = 10_000;
    /** 100 ports per agent from 31000, disjoint for the first 340 agents (then they repeat). */
    private IntFunction<int[]> agentPorts = i -> new int[] {31000 + (i % 340) * 100, 31099 + (i % 340) * 100};
    private IntFunction<String> agentHostname = i -> "agent-" + i;
    private IntFunction<Map<String, String>> agentAttributes = i -> Map.of();
    private Duration heartbeatInterval = Duration.ofSeconds(15);
    private Duration allocationInterval = Duration.ofSeconds(1);
    private Duration updateRetry = Duration.ofSeconds(10);
    private Duration executorRegistrationTimeout = Duration.ofMinutes(1);
    private Duration reregisterDelay = Duration.ZERO;
    private Duration noLeaderFor = Duration.ZERO;
    private ExecutorMode executors = ExecutorMode.stub();
    private Path workDir;

    private Builder() {}

    /** How many masters; master 0 leads. Default 1. */
    public Builder masters(int n) {
      this.masters = positive(n, "masters");
      return this;
    }

    public Builder agents(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("agents must not be negative");
      }
      this.agents = n;
      return this;
    }

    public Builder agentResources(double cpus, double memMb, double diskMb) {
      this.cpus = cpus;
      this.memMb = memMb;
      this.diskMb = diskMb;
      return this;
    }

    /** Each agent's port range {begin, end}; keep them disjoint, all agents share this host. */
    public Builder agentPorts(IntFunction<int[]> ports) {
      this.agentPorts = Objects.requireNonNull(ports);
      return this;
    }

    public Builder agentHostname(IntFunction<String> hostname) {
      this.agentHostname = Objects.requireNonNull(hostname);
      return this;
    }

    /** TEXT attributes of each agent. */
    public Builder agentAttributes(IntFunction<Map<String, String>> attributes) {
      this.agentAttributes = Objects.requireNonNull(attributes);
      return this;
    }

    public Builder heartbeatInterval(Duration d) {
      this.heartbeatInterval = positive(d);
      return this;
    }

    public Builder allocationInterval(Duration d) {
      this.allocationInterval = positive(d);
      return this;
    }

    /** How often an agent re-sends an unacknowledged status update (Mesos: 10 s, doubling). */
    public Builder updateRetry(Duration d) {
      this.updateRetry = positive(d);
      return this;
    }

    public Builder executorRegistrationTimeout(Duration d) {
      this.executorRegistrationTimeout = positive(d);
      return this;
    }

    /** How long agents take to re-register with a new leader after {@link #failover}. */
    public Builder reregisterDelay(Duration d) {
      this.reregisterDelay = Objects.requireNonNull(d);
      return this;
    }

    /** How long every master answers 503 during a {@link #failover} before the new one leads. */
    public Builder noLeaderFor(Duration d) {
      this.noLeaderFor = Objects.requireNonNull(d);
      return this;
    }

    public Builder executors(ExecutorMode mode) {
      this.executors = Objects.requireNonNull(mode);
      return this;
    }

    /** Where sandboxes go (real mode); a new temporary directory by default (stub mode needs none). */
    public Builder workDir(Path dir) {
      this.workDir = Objects.requireNonNull(dir);
      return this;
    }

    public MesosCluster start() {
      try {
        Path dir = workDir != null ? workDir
            : executors.stubbed() ? Path.of(System.getProperty("java.io.tmpdir"), "mesos-emu-stub")
            : Files.createTempDirectory("mesos-emu");
        return new MesosCluster(new Settings(masters, agents, cpus, memMb, diskMb, agentPorts, agentHostname,
            agentAttributes, heartbeatInterval, allocationInterval, updateRetry, executorRegistrationTimeout,
            reregisterDelay, noLeaderFor, executors, dir));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the Mesos emulator", e);
      }
    }

    private static int positive(int n, String what) {
      if (n < 1) {
        throw new IllegalArgumentException(what + " must be at least 1, was " + n);
      }
      return n;
    }

    private static Duration positive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("duration must be positive, was " + d);
      }
      return d;
    }
  }
}
