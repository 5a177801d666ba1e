package io.berth.executor.pod;

import io.berth.api.executor.TaskPayload;
import io.berth.executor.docker.ContainerInfo;
import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.docker.ContainerRuntimeException;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs pods on a {@link ContainerRuntime} and reports their states to a {@link PodListener}:
 * launches (blocking the caller), kills, adopts pods found after a restart, notices app exits by
 * polling, and runs health checks. {@link #close()} stops watching; it never touches containers.
 */
public final class PodRunner implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(PodRunner.class);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_HELPER_READY_TIMEOUT = Duration.ofSeconds(60);

  private final ContainerRuntime runtime;
  private final PodListener listener;
  private final PodLauncher launcher;
  private final RunnerContext context;
  private final Map<String, String> podLabels;
  private final Map<String, WatchedPod> watched = new ConcurrentHashMap<>();
  /** Tasks being taken down (killed or ended): each gets exactly one terminal status. */
  private final Set<String> ending = ConcurrentHashMap.newKeySet();

  public PodRunner(ContainerRuntime runtime, PodListener listener, Clock clock, Duration pollInterval,
      Duration helperReadyTimeout) {
    this(runtime, listener, clock, pollInterval, helperReadyTimeout, Map.of());
  }

  /**
   * A runner that puts {@code podLabels} on every container it creates, besides each pod's own
   * labels (which they may not name): the Mesos executor marks its pods with its own identity.
   */
  public PodRunner(ContainerRuntime runtime, PodListener listener, Clock clock, Duration pollInterval,
      Duration helperReadyTimeout, Map<String, String> podLabels) {
    if (podLabels.keySet().stream().anyMatch(PodLabels.OWN::contains)) {
      throw new IllegalArgumentException("a runner's labels may not replace a pod's own labels " + PodLabels.OWN
          + ": " + podLabels.keySet());
    }
    this.podLabels = Map.copyOf(podLabels);
    this.runtime = runtime;
    this.listener = listener;
    this.launcher = new PodLauncher(runtime, helperReadyTimeout);
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("berth-pod-timer"));
    this.context = new RunnerContext(runtime, listener, clock, timer,
        Executors.newCachedThreadPool(daemon("berth-pod-worker")));
    long ms = pollInterval.toMillis();
    timer.scheduleWithFixedDelay(this::pollExits, ms, ms, TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public static PodRunner create(ContainerRuntime runtime, PodListener listener) {
    return create(runtime, listener, Map.of());
  }

  /** A runner with default timings that puts {@code podLabels} on every container it creates. */
  public static PodRunner create(ContainerRuntime runtime, PodListener listener, Map<String, String> podLabels) {
    return new PodRunner(runtime, listener, Clock.systemUTC(), DEFAULT_POLL_INTERVAL, DEFAULT_HELPER_READY_TIMEOUT,
        podLabels);
  }

  /**
   * Starts the task's pod; reports STARTING, then RUNNING or FAILED. Containers left by an earlier,
   * interrupted launch of the same task id are removed first.
   *
   * @return the pod when it runs; empty when it failed (the reason went to the listener)
   */
  public Optional<RunningPod> launch(TaskPayload payload) {
    if (watched.containsKey(payload.taskId())) {
      throw new IllegalStateException("task " + payload.taskId() + " already runs here; task ids are used once");
    }
    MDC.put("taskId", payload.taskId());
    try {
      listener.onStatus(payload.taskId(), PodStatus.STARTING, "creating containers", null);
      PodPlan plan;
      RunningPod pod;
      try {
        plan = PodPlan.of(payload).withLabels(podLabels);
        pod = launcher.start(plan);
      } catch (InvalidPodException | ContainerRuntimeException e) {
        listener.onStatus(payload.taskId(), PodStatus.FAILED, e.getMessage(), null);
        return Optional.empty();
      }
      LOG.info("Pod {} of {} runs", pod.taskId(), pod.appId());
      watch(plan, pod);
      listener.onStatus(pod.taskId(), PodStatus.RUNNING, "running", null);
      return Optional.of(pod);
    } finally {
      MDC.remove("taskId");
    }
  }

  /**
   * Takes over a pod that already runs (after a scheduler restart): nothing is started or stopped;
   * exits are watched and health checks run again. Empty when its app container is not running.
   */
  public Optional<RunningPod> adopt(TaskPayload payload) {
    Optional<PodInfo> found = findPod(payload.taskId());
    if (found.isEmpty() || !found.get().appRunning()) {
      return Optional.empty();
    }
    Map<Role, String> ids = new EnumMap<>(Role.class);
    for (ContainerInfo c : found.get().containers()) {
      ids.put(Role.fromLabel(c.labels().get(PodLabels.ROLE)), c.id());
    }
    PodPlan plan = PodPlan.of(payload);
    RunningPod pod = new RunningPod(payload.taskId(), plan.appId(), plan.appVersion(), ids);
    LOG.info("Adopted pod {} of {}", pod.taskId(), pod.appId());
    watch(plan, pod);
    return Optional.of(pod);
  }

  /** Every Berth pod on the engine, running or not, grouped by task id. */
  public List<PodInfo> listPods() {
    Map<String, List<ContainerInfo>> byTask = new LinkedHashMap<>();
    for (ContainerInfo c : runtime.list(Map.of())) {
      String task = c.labels().get(PodLabels.TASK_ID);
      if (task != null && c.labels().containsKey(PodLabels.ROLE)) {
        byTask.computeIfAbsent(task, t -> new ArrayList<>()).add(c);
      }
    }
    return byTask.entrySet().stream().map(e -> new PodInfo(e.getKey(),
        e.getValue().get(0).labels().get(PodLabels.APP_ID), e.getValue().get(0).labels().get(PodLabels.APP_VERSION),
        e.getValue())).toList();
  }

  public Optional<PodInfo> findPod(String taskId) {
    List<ContainerInfo> containers = runtime.list(Map.of(PodLabels.TASK_ID, taskId));
    if (containers.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> l = containers.get(0).labels();
    return Optional.of(new PodInfo(taskId, l.get(PodLabels.APP_ID), l.get(PodLabels.APP_VERSION), containers));
  }

  /** Kills the task with its plan's grace period (or the default for a pod this runner never watched). */
  public void kill(String taskId) {
    WatchedPod w = watched.get(taskId);
    kill(taskId, w == null ? PodPlan.DEFAULT_KILL_GRACE : w.plan().killGrace(), "killed on request");
  }

  /**
   * Stops every container of the task in reverse start order (SIGTERM, SIGKILL after {@code grace}),
   * removes them all, and reports KILLED. Works on pods found only by label too.
   */
  public void kill(String taskId, Duration grace, String message) {
    if (!ending.add(taskId)) {
      LOG.info("Task {} is already being taken down", taskId);
      return;
    }
    try {
      WatchedPod w = watched.remove(taskId);
      if (w != null) {
        w.close();
      }
      List<String> ids = new ArrayList<>();
      if (w != null) {
        w.plan().stopOrder().forEach(s -> Optional.ofNullable(w.pod().containerIds().get(s.role())).ifPresent(ids::add));
      }
      findPod(taskId).ifPresent(p -> stopOrder(p).forEach(id -> {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }));
      launcher.stopAndRemove(ids, grace);
      listener.onStatus(taskId, PodStatus.KILLED, message, w == null ? null : w.healthy());
    } finally {
      ending.remove(taskId);
    }
  }

  /**
   * Stops and removes every container of a task this runner does not watch, without reporting:
   * for pods found dead or unknown after a restart (read them with {@link #findPod} first).
   */
  public void remove(String taskId, Duration grace) {
    if (watched.containsKey(taskId)) {
      throw new IllegalStateException("task " + taskId + " is watched: kill it instead");
    }
    findPod(taskId).ifPresent(p -> launcher.stopAndRemove(stopOrder(p), grace));
  }

  private static List<String> stopOrder(PodInfo pod) {
    List<String> ids = new ArrayList<>();
    for (Role r : List.of(Role.SENSU, Role.APP, Role.FLUENTD)) {
      pod.container(r).ifPresent(c -> ids.add(c.id()));
    }
    return ids;
  }

  private void watch(PodPlan plan, RunningPod pod) {
    WatchedPod w = new WatchedPod(plan, pod, context,
        reason -> context.workers().execute(() -> kill(pod.taskId(), plan.killGrace(), reason)));
    watched.put(pod.taskId(), w);
    w.startHealthChecks();
  }

  private void pollExits() {
    for (WatchedPod w : List.copyOf(watched.values())) {
      try {
        Optional<ContainerInfo> app = runtime.inspect(w.pod().appContainerId());
        if (app.isPresent() && !app.get().exited()) {
          continue;
        }
        String taskId = w.pod().taskId();
        if (ending.add(taskId)) {
          if (watched.remove(taskId, w)) {
            w.close();
            context.workers().execute(() -> ended(w, app));
          } else {
            ending.remove(taskId);
          }
        }
      } catch (ContainerRuntimeException e) {
        LOG.warn("Could not inspect pod {}: {}", w.pod().taskId(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("Watching pod {} broke", w.pod().taskId(), e);
      }
    }
  }

  /** Tears the ended pod down (on a worker: stops take the grace period), then reports how it ended. */
  private void ended(WatchedPod w, Optional<ContainerInfo> app) {
    MDC.put("taskId", w.pod().taskId());
    try {
      endedAndRemoved(w, app);
    } finally {
      ending.remove(w.pod().taskId());
      MDC.remove("taskId");
    }
  }

  private void endedAndRemoved(WatchedPod w, Optional<ContainerInfo> app) {
    PodStatus status;
    String message;
    if (app.isEmpty()) {
      status = PodStatus.FAILED;
      message = "the app container disappeared";
    } else {
      ContainerInfo c = app.get();
      status = Integer.valueOf(0).equals(c.exitCode()) ? PodStatus.FINISHED : PodStatus.FAILED;
      message = "the app exited with code " + c.exitCode() + (c.oomKilled() ? " (out of memory)" : "")
          + (c.error() == null ? "" : ": " + c.error());
    }
    LOG.info("Pod {} ended: {}", w.pod().taskId(), message);
    List<String> ids = new ArrayList<>();
    w.plan().stopOrder().forEach(s -> Optional.ofNullable(w.pod().containerIds().get(s.role())).ifPresent(ids::add));
    launcher.stopAndRemove(ids, w.plan().killGrace());
    listener.onStatus(w.pod().taskId(), status, message, w.healthy());
  }

  /** Stops watching and health checking; containers keep running (adopt them later). */
  @Override
  public void close() {
    watched.values().forEach(WatchedPod::close);
    watched.clear();
    context.timer().shutdownNow();
    context.workers().shutdown();
  }
}
