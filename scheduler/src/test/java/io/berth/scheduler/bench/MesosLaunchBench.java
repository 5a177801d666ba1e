package io.berth.scheduler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.scheduler.SchedulerApplication;
import io.berth.scheduler.SchedulerConfiguration;
import io.berth.scheduler.testing.mesos.CallRecord;
import io.berth.scheduler.testing.mesos.ExecutorMode;
import io.berth.scheduler.testing.mesos.MesosCluster;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code bench-mesos [--agents 1000] [--instances 10000] [--apps 10] [--timeout-minutes 15]}: the
 * Mesos emulator with stub executors (an agent answers LAUNCH with TASK_STARTING, TASK_RUNNING),
 * the whole scheduler in this JVM in Mesos mode against it (embedded ZooKeeper), apps created
 * through the HTTP API; measures the time until {@code /v2/apps} reports every instance running,
 * the offers the master sent meanwhile and the calls Berth made. Each option can also be given
 * as a system property ({@code -Dbench.agents=100}); {@code -Dbench.logLevel=INFO} shows the scheduler's
 * log, {@code -Dbench.histogram=true} the heap's top classes after the run. Not a test; see docs/benchmarks.md.
 */
public final class MesosLaunchBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "/bench-mesos";

  private final HttpClient http = HttpClient.newHttpClient();
  private URI api;

  private MesosLaunchBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int agents = Integer.parseInt(opts.get("agents"));
    int instances = Integer.parseInt(opts.get("instances"));
    int apps = Integer.parseInt(opts.get("apps"));
    Duration timeout = Duration.ofMinutes(Long.parseLong(opts.get("timeout-minutes")));
    if (instances % apps != 0) {
      throw new IllegalArgumentException("instances must be a multiple of apps");
    }
    new MesosLaunchBench().run(agents, instances, apps, timeout);
    System.exit(0);  // the emulator's and Dropwizard's non-daemon threads
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new TreeMap<>(Map.of("agents", "1000", "instances", "10000", "apps", "10",
        "timeout-minutes", "15"));
    opts.replaceAll((k, v) -> System.getProperty("bench." + k, v));
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!opts.containsKey(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: [--agents M] [--instances N] [--apps A] [--timeout-minutes T]");
      }
      opts.put(key, args[i + 1]);
    }
    return opts;
  }

  private void run(int agents, int instances, int apps, Duration timeout) throws Exception {
    Path data = Files.createTempDirectory("bench-mesos");
    Path executorJar = Files.writeString(data.resolve("stub-executor.jar"), "not used: executors are stubbed");
    EmulatorLogCounter counter = EmulatorLogCounter.attach(null);
    long t = System.nanoTime();
    MesosCluster cluster = MesosCluster.builder()
        .agents(agents)
        .agentResources(8, 32 * 1024, 100_000)
        .agentPorts(i -> new int[] {31000, 32000})  // stubs bind nothing: every agent may offer the same range
        .heartbeatInterval(Duration.ofSeconds(15))
        .allocationInterval(Duration.ofSeconds(1))
        .executors(ExecutorMode.stub())
        .start();
    System.err.printf("emulator with %d agents up in %d ms%n", agents, ms(t));
    long heapEmulator = usedHeapAfterGc();
    int port = freePort();
    DropwizardTestSupport<SchedulerConfiguration> app = new DropwizardTestSupport<>(SchedulerApplication.class,
        SchedulerApplication.DEFAULT_CONFIG,
        ConfigOverride.config("dataDir", data.resolve("data").toString()),
        ConfigOverride.config("zooKeeper.connect", "embedded"),
        ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("logging.level", System.getProperty("bench.logLevel", "WARN")),
        ConfigOverride.config("cluster.mode", "mesos"),
        ConfigOverride.config("mesos.master", cluster.masterList()),
        ConfigOverride.config("mesos.executorJar", executorJar.toString()),
        ConfigOverride.config("advertisedHost", "127.0.0.1"));
    app.addListener(new DropwizardTestSupport.ServiceListener<>() {
      @Override
      public void onRun(SchedulerConfiguration configuration, Environment environment,
                        DropwizardTestSupport<SchedulerConfiguration> rule) {
        EmulatorLogCounter.attach(counter);  // Dropwizard has reset logging by now
      }
    });
    t = System.nanoTime();
    app.before();
    api = URI.create("http://127.0.0.1:" + port);
    System.err.printf("scheduler up in %d ms%n", ms(t));
    try {
      awaitSubscribed(app.getAdminPort()); // the run starts once Berth is subscribed and reconciled
      EmulatorLogCounter.Snapshot before = counter.snapshot();
      int callsBefore = cluster.calls().size();
      long t0 = System.nanoTime();
      for (int a = 0; a < apps; a++) {
        post(appJson(a, instances / apps));
      }
      long postedMs = ms(t0);
      long firstRunningMs = -1;
      long halfMs = -1;
      Phases phases = new Phases();
      int running = 0;
      long deadline = t0 + timeout.toNanos();
      while (running < instances && System.nanoTime() < deadline) {
        Thread.sleep(250);
        running = runningInstances();
        long now = ms(t0);
        if (running > 0 && firstRunningMs < 0) {
          firstRunningMs = now;
        }
        if (running * 2 >= instances && halfMs < 0) {
          halfMs = now;
        }
        long offers = counter.snapshot().minus(before).offers();
        long accepts = cluster.calls().stream().skip(callsBefore).filter(c -> "ACCEPT".equals(c.type())).count();
        phases.observe(now, offers, accepts);
        System.err.printf("  t=%6.1f s running=%d offers=%d accepts=%d threads=%d open_files=%d%n", now / 1000.0,
            running, offers, accepts, Thread.activeCount(), openFiles());
      }
      long allMs = ms(t0);
      EmulatorLogCounter.Snapshot during = counter.snapshot().minus(before);
      List<CallRecord> calls = cluster.calls();
      Map<String, Long> byType = callCounts(calls.subList(callsBefore, calls.size()));
      long heapAll = usedHeapAfterGc();
      if (Boolean.getBoolean("bench.histogram")) {
        printHistogram();
      }
      report(agents, instances, apps, running, postedMs, firstRunningMs, halfMs, allMs, during, byType,
          heapEmulator, heapAll, phases);
    } finally {
      app.after();
      cluster.close();
      deleteTree(data);
    }
  }

  private static String appJson(int a, int instances) {
    return "{\"id\":\"" + GROUP + "/app-" + a + "\",\"cmd\":\"sleep 3600\",\"instances\":" + instances
        + ",\"cpus\":0.1,\"mem\":32,\"portDefinitions\":[{\"port\":0}],\"labels\":{\"berth.helpers\":\"off\"}}";
  }

  private int runningInstances() throws IOException, InterruptedException {
    JsonNode apps = JSON.readTree(send(HttpRequest.newBuilder(api.resolve("/v2/apps")).GET())).path("apps");
    int running = 0;
    for (JsonNode app : apps) {
      if (app.path("id").asText().startsWith(GROUP + "/")) {
        running += app.path("tasksRunning").asInt();
      }
    }
    return running;
  }

  private void post(String body) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(api.resolve("/v2/apps")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Until the admin health check says Mesos is subscribed and reconciled (at most 60 s). */
  private void awaitSubscribed(int adminPort) throws IOException, InterruptedException {
    URI health = URI.create("http://127.0.0.1:" + adminPort + "/healthcheck");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("mesos").path("healthy")
          .asBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Berth did not subscribe to the emulator within 60 s: " + r.body());
      }
      Thread.sleep(100);
    }
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " from the API: " + response.body());
    }
    return response.body();
  }

  private static Map<String, Long> callCounts(List<CallRecord> calls) {
    Map<String, Long> byType = new TreeMap<>();
    for (CallRecord c : calls) {
      if (c.httpStatus() == 202 && c.type() != null) {
        byType.merge(c.type(), 1L, Long::sum);
      }
    }
    return byType;
  }

  private static void report(int agents, int instances, int apps, int running, long postedMs, long firstMs,
                             long halfMs, long allMs, EmulatorLogCounter.Snapshot d, Map<String, Long> calls,
                             long heapEmulator, long heapAll, Phases p) {
    double seconds = allMs / 1000.0;
    long accepts = calls.getOrDefault("ACCEPT", 0L);
    String[][] rows = {
        {"agents / instances / apps", agents + " / " + instances + " / " + apps},
        {"instances running (API)", running + (running < instances ? "  (TIMED OUT)" : "")},
        {"POSTs answered (ms)", Long.toString(postedMs)},
        {"first instance running (ms)", Long.toString(firstMs)},
        {"half running (ms)", Long.toString(halfMs)},
        {"all running (ms)", Long.toString(allMs)},
        {"instances running per second", fmt(running / seconds)},
        {"OFFERS events sent", Long.toString(d.offerEvents())},
        {"offers sent to Berth", Long.toString(d.offers())},
        {"offers per second (whole run)", fmt(d.offers() / seconds)},
        {"first offers seen / first ACCEPT / last ACCEPT (ms)", p.firstOffersMs + " / " + p.firstAcceptMs + " / "
            + p.lastAcceptMs},
        {"offers handled per second (first offers to last ACCEPT)", p.lastAcceptMs <= p.firstOffersMs ? "-"
            : fmt(d.offers() * 1000.0 / (p.lastAcceptMs - p.firstOffersMs))},
        {"tasks accepted per second (first to last ACCEPT)", p.lastAcceptMs <= p.firstAcceptMs ? "-"
            : fmt(d.launches() * 1000.0 / (p.lastAcceptMs - p.firstAcceptMs))},
        {"tasks launched by the master", Long.toString(d.launches())},
        {"ACCEPT calls", Long.toString(accepts)},
        {"tasks per ACCEPT", accepts == 0 ? "-" : fmt((double) d.launches() / accepts)},
        {"DECLINE calls", Long.toString(calls.getOrDefault("DECLINE", 0L))},
        {"ACKNOWLEDGE calls", Long.toString(calls.getOrDefault("ACKNOWLEDGE", 0L))},
        {"  of which re-sent updates (beyond 2 per task)",
            Long.toString(calls.getOrDefault("ACKNOWLEDGE", 0L) - 2L * d.launches())},
        {"SUPPRESS / REVIVE calls", calls.getOrDefault("SUPPRESS", 0L) + " / " + calls.getOrDefault("REVIVE", 0L)},
        {"all calls by type", calls.toString()},
        {"heap: emulator alone, after GC (MiB)", Long.toString(heapEmulator >> 20)},
        {"heap: emulator + scheduler, after GC (MiB)", Long.toString(heapAll >> 20)},
    };
    System.out.println("Mesos launch benchmark (stub executors)");
    for (String[] row : rows) {
      System.out.printf("  %-56s %s%n", row[0], row[1]);
    }
    System.out.printf(Locale.ROOT, "agents=%d instances=%d running=%d all_running_ms=%d offers=%d offers_per_sec=%.1f"
            + " first_offers_ms=%d first_accept_ms=%d last_accept_ms=%d acks=%d"
            + " accepts=%d tasks_per_accept=%s declines=%d heap_total_mb=%d heap_emulator_mb=%d%n",
        agents, instances, running, allMs, d.offers(), d.offers() / seconds, p.firstOffersMs, p.firstAcceptMs,
        p.lastAcceptMs, calls.getOrDefault("ACKNOWLEDGE", 0L), accepts,
        accepts == 0 ? "-" : fmt((double) d.launches() / accepts), calls.getOrDefault("DECLINE", 0L),
        heapAll >> 20, heapEmulator >> 20);
  }

  /** When offers first arrived and when ACCEPTs began and last grew, to the poll's resolution. */
  private static final class Phases {
    long firstOffersMs = -1;
    long firstAcceptMs = -1;
    long lastAcceptMs = -1;
    private long accepts;

    void observe(long nowMs, long offers, long acceptsNow) {
      if (offers > 0 && firstOffersMs < 0) {
        firstOffersMs = nowMs;
      }
      if (acceptsNow > 0 && firstAcceptMs < 0) {
        firstAcceptMs = nowMs;
      }
      if (acceptsNow > accepts) {
        accepts = acceptsNow;
        lastAcceptMs = nowMs;
      }
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The live heap's top classes ({@code jcmd GC.class_histogram}), to stderr: whose heap it is. */
  private static void printHistogram() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
        .redirectErrorStream(true).start();
    try (var reader = jcmd.inputReader()) {  // read to the end: jcmd blocks on a full pipe
      reader.lines().toList().stream().limit(28).forEach(System.err::println);
    }
    jcmd.waitFor();
  }

  private static long openFiles() {
    String[] fds = new java.io.File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
