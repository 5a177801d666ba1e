package io.berth.scheduler.cluster;

import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.reconcile.ObservedTask;
import java.util.List;
import java.util.Set;

/** What a {@link ClusterDriver} reports. Implementations are thread-safe and return quickly. */
public interface ClusterEvents {

  /** (Re)connected: these are the tasks the cluster runs now (for start-up reconciliation). */
  default void onConnected(List<ObservedTask> tasks) {
    onConnected(tasks, Set.of());
  }

  /**
   * (Re)connected, but the cluster could not yet say anything about the tasks in {@code unconfirmed}
   * (their agents have not re-registered with a new Mesos master): they are left as they are, and
   * their state comes later as ordinary status updates.
   */
  void onConnected(List<ObservedTask> tasks, Set<String> unconfirmed);

  /** Lost the connection; offers held so far are void. */
  void onDisconnected(String why);

  void onOffers(List<Offer> offers);

  void onRescinded(OfferId offer);

  /**
   * A task changed state. {@code ackId} is non-null when the update must be acknowledged (through
   * {@link ClusterDriver#acknowledge}) once it is stored.
   */
  void onStatus(TaskStatus status);

  /**
   * The tasks the scheduler believes may be running (launched and not ended), with their agents:
   * what a driver asks the cluster about when it reconciles. Blocks until the engine answers; never
   * call it from a thread that the engine waits on.
   */
  List<ClusterDriver.TaskRef> knownTasks();

  /** The latest results of a task's health checks (for the API and UI). */
  void onHealthResults(String taskId, List<HealthCheckResult> results);
}
