package io.berth.scheduler.cluster;

import io.berth.api.executor.TaskPayload;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.Resources;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The port between the scheduler and a cluster: the local machine, or Apache Mesos. The engine
 * calls these from its one thread; a driver reports back through {@link ClusterEvents}, from any
 * thread. Every call is asynchronous and idempotent where the cluster allows it: a driver never
 * blocks the engine on the network or on Docker.
 */
public interface ClusterDriver {

  /**
   * Connects and starts reporting. The first report after every (re)connection is
   * {@link ClusterEvents#onConnected} with the tasks the cluster knows, before any offer.
   */
  void start(ClusterEvents events);

  /**
   * Launches tasks on the agent of {@code offer}, all in one go: Mesos lets an offer be used by one
   * ACCEPT only, so every launch the matcher placed on an offer in one round comes in one call.
   */
  void launch(OfferId offer, List<LaunchSpec> tasks);

  /**
   * What every task costs on this cluster on top of its app's resources (the Mesos executor's
   * JVM); the matcher asks offers for the app's resources plus this.
   */
  default Resources taskOverhead() {
    return Resources.NONE;
  }

  /**
   * The engine adopted a task the cluster reported at connection time (same id, same containers):
   * resume whatever the driver does next to a task (health checks, exit watching). No-op for
   * drivers whose executors keep doing that by themselves (Mesos).
   */
  void adopt(TaskPayload task);

  /** Kills a task; {@code grace} between the polite and the forced stop. */
  void kill(String taskId, String agentId, Duration grace);

  /** Acknowledges a status update, given the {@code ackId} the driver attached to it. */
  void acknowledge(String ackId);

  /** Declines offers; the cluster will not offer those resources again for {@code refuse}. */
  void decline(Collection<OfferId> offers, Duration refuse);

  /** Nothing waits to launch: stop sending offers. */
  void suppress();

  /** Work arrived: send offers again (clears refuse filters). */
  void revive();

  /** Asks the cluster for the current state of these tasks (empty: of all tasks it knows). */
  void reconcile(List<TaskRef> tasks);

  /** Disconnects; running tasks keep running. */
  void stop();

  /** A task as the driver knows it: its id and the agent it runs on (null when unknown). */
  record TaskRef(String taskId, String agentId) {}
}
