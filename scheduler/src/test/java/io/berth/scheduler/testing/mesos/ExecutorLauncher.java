package io.berth.scheduler.testing.mesos;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real executor: sandbox, the fetcher (http(s) GET, file URIs and absolute paths copied),
 * then {@code /bin/sh -c <command>} in the sandbox with the agent's environment (reference
 * section 5.1). Works outside the master's lock, on its own threads.
 */
final class ExecutorLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorLauncher.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

  private final Master master;
  private final ExecutorService workers;

  ExecutorLauncher(Master master, ExecutorService workers) {
    this.master = master;
    this.workers = workers;
  }

  /** Called under the lock: the rest happens on a worker. */
  void launch(Agent agent, ExecutorRun run) {
    FrameworkInfo framework = agent.frameworks.get(run.frameworkId);
    Path sandbox = master.settings.workDir().resolve(Path.of("agents", agent.id, "frameworks",
        safe(run.frameworkId), "executors", safe(run.executorId()), "runs", run.containerId));
    run.sandbox = sandbox;
    Map<String, String> env = environment(agent, run, framework, sandbox);
    workers.execute(() -> start(agent, run, env));
  }

  private void start(Agent agent, ExecutorRun run, Map<String, String> env) {
    Process process;
    try {
      Files.createDirectories(run.sandbox);
      for (CommandInfo.URI uri : run.info.getCommand().getUrisList()) {
        try {
          fetch(uri, run.sandbox);
        } catch (IOException | RuntimeException e) {
          if (e.getMessage() != null && e.getMessage().startsWith("Failed to fetch")) {
            throw e;
          }
          throw new IOException("Failed to fetch '" + uri.getValue() + "': " + e, e);
        }
      }
      ProcessBuilder pb = new ProcessBuilder(command(run.info.getCommand())).directory(run.sandbox.toFile())
          .redirectOutput(run.sandbox.resolve("stdout").toFile())
          .redirectError(run.sandbox.resolve("stderr").toFile());
      pb.environment().putAll(env);
      process = pb.start();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Executor {} could not be launched: {}", run.executorId(), e.toString());
      synchronized (master) {
        agent.launchFailed(run, "Failed to launch container: " + (e.getMessage() != null ? e.getMessage() : e));
      }
      return;
    }
    LOG.info("Executor {} started on agent {} as pid {} in {}", run.executorId(), agent.id, process.pid(),
        run.sandbox);
    synchronized (master) {
      run.process = process;
      if (run.state == ExecutorRun.State.LAUNCHING) {
        run.state = ExecutorRun.State.REGISTERING;
        long ms = master.settings.executorRegistrationTimeout().toMillis();
        run.registrationTimer = master.timer.schedule(() -> {
          synchronized (master) {
            agent.registrationTimedOut(run);
          }
        }, ms, TimeUnit.MILLISECONDS);
      } else {
        destroy(run); // killed or shut down while it was being fetched
      }
    }
    process.onExit().thenRun(() -> {
      synchronized (master) {
        agent.executorExited(run, waitStatus(process.exitValue(), run));
      }
    });
  }

  private static List<String> command(CommandInfo command) {
    List<String> argv = new ArrayList<>();
    if (!command.hasShell() || command.getShell()) {
      argv.addAll(List.of("/bin/sh", "-c", command.getValue()));
    } else {
      argv.add(command.getValue());
      argv.addAll(command.getArgumentsCount() > 0
          ? command.getArgumentsList().subList(1, command.getArgumentsCount()) : List.of());
    }
    return argv;
  }

  /** The raw POSIX wait status: {@code code << 8} for an exit, the signal number for a kill. */
  private static int waitStatus(int exitValue, ExecutorRun run) {
    if (run.killedBySignal != 0) {
      return run.killedBySignal;
    }
    return exitValue > 128 && exitValue < 160 ? exitValue - 128 : (exitValue & 0xff) << 8;
  }

  static void fetch(CommandInfo.URI uri, Path sandbox) throws IOException {
    String value = uri.getValue();
    String name = uri.hasOutputFile() && !uri.getOutputFile().isEmpty() ? uri.getOutputFile() : lastSegment(value);
    Path target = sandbox.resolve(name);
    Files.createDirectories(target.getParent());
    if (value.startsWith("http://") || value.startsWith("https://")) {
      try {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(value))
            .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          if (response.statusCode() != 200) {
            throw new IOException("Failed to fetch '" + value + "': HTTP " + response.statusCode());
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching " + value, e);
      }
    } else if (value.startsWith("file://") || value.startsWith("/")) {
      Path source = value.startsWith("file://") ? Path.of(URI.create(value)) : Path.of(value);
      if (!Files.isRegularFile(source)) {
        throw new IOException("Failed to fetch '" + value + "': no such file");
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } else {
      throw new IOException("Failed to fetch '" + value + "': unsupported URI scheme");
    }
    if (uri.getExecutable()) {
      target.toFile().setExecutable(true);
    }
  }

  private static String lastSegment(String value) {
    String path = value.replaceFirst("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() ? "fetched" : last;
  }

  private static String safe(String id) {
    return id.replace('/', '_');
  }

  private Map<String, String> environment(Agent agent, ExecutorRun run, FrameworkInfo framework, Path sandbox) {
    Map<String, String> env = new LinkedHashMap<>(master.settings.executors().extraEnv());
    for (Environment.Variable v : run.info.getCommand().getEnvironment().getVariablesList()) {
      env.put(v.getName(), v.getValue());
    }
    String endpoint = "127.0.0.1:" + agent.port();
    env.put("MESOS_FRAMEWORK_ID", run.frameworkId);
    env.put("MESOS_EXECUTOR_ID", run.executorId());
    env.put("MESOS_AGENT_ENDPOINT", endpoint);
    env.put("MESOS_SLAVE_PID", "slave(1)@" + endpoint);
    env.put("MESOS_SLAVE_ID", agent.id);
    env.put("MESOS_DIRECTORY", sandbox.toString());
    env.put("MESOS_SANDBOX", sandbox.toString());
    boolean checkpoint = framework != null && framework.getCheckpoint();
    env.put("MESOS_CHECKPOINT", checkpoint ? "1" : "0");
    if (checkpoint) {
      env.put("MESOS_RECOVERY_TIMEOUT", "15mins");
      env.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "2secs");
    }
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", run.info.hasShutdownGracePeriod()
        ? duration(run.info.getShutdownGracePeriod().getNanoseconds()) : "5secs");
    env.put("MESOS_HTTP_COMMAND_EXECUTOR", "0");
    return env;
  }

  /** A stout duration string. */
  static String duration(long nanos) {
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "secs";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return nanos + "ns";
  }

  /** SIGKILL for the executor process and everything it started. */
  static void destroy(ExecutorRun run) {
    Process p = run.process;
    if (p != null && p.isAlive()) {
      run.killedBySignal = 9;
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
