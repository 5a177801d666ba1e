package io.berth.scheduler.cluster.local;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking work on workers, one job at a time per task, in submission order: a kill that arrives
 * while its task is still being launched runs once the launch is done, so it finds every container.
 */
final class PerTaskWork {

  private static final Logger LOG = LoggerFactory.getLogger(PerTaskWork.class);

  private final Executor workers;
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  PerTaskWork(Executor workers) {
    this.workers = workers;
  }

  void submit(String taskId, String what, Runnable job) {
    CompletableFuture<Void> tail = tails.compute(taskId, (id, before) ->
        (before == null ? CompletableFuture.<Void>completedFuture(null) : before)
            .thenRunAsync(() -> run(taskId, what, job), workers)
            .exceptionally(e -> {
              LOG.warn("Could not {} task {}: {}", what, taskId, e.toString());
              return null;
            }));
    tail.whenComplete((v, e) -> tails.remove(taskId, tail));
  }

  private static void run(String taskId, String what, Runnable job) {
    try {
      job.run();
    } catch (RejectedExecutionException e) {
      LOG.info("Could not {} task {}: the local cluster is stopping", what, taskId);
    } catch (RuntimeException e) {
      LOG.error("Could not {} task {}", what, taskId, e);
    }
  }
}
