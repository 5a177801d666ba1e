/**
 * An in-process emulator of a Mesos 1.11 cluster for tests and benchmarks: {@link
 * io.berth.scheduler.testing.mesos.MesosCluster} starts masters serving the v1 scheduler API and
 * agents serving the v1 executor API (JDK {@code HttpServer} on 127.0.0.1, ephemeral ports), as
 * {@code ../shared/reference/mesos-v1-http.md} describes them: the same status codes and checks,
 * JSON (proto field names) and protobuf, RecordIO streams, {@code Mesos-Stream-Id}, 307 from a
 * standby, offers and filters, reconciliation, the agents' status update manager (one update in
 * flight per task, re-sent until acknowledged), real executor processes or stubs.
 *
 * <p>Where it is not Mesos:
 * <ul>
 *   <li>JSON is JsonFormat's rendering: 64-bit integers are strings ({@code "nanoseconds":"5000000000"})
 *       where Mesos writes numbers, and doubles keep a fraction ({@code 0.0}). Unset fields with a
 *       declared default are printed, as Mesos does.</li>
 *   <li>Status updates are re-sent at a fixed {@code updateRetry}, not doubling from 10 s to 10 min.</li>
 *   <li>Agents become unreachable only when a test says so ({@code loseAgent}); there are no pings,
 *       no removal rate limit and no {@code agent_reregister_timeout}.</li>
 *   <li>After a master failover the new leader still knows every framework (Mesos learns them from
 *       resubscriptions and re-registering agents): calls before the resubscription get 403, not 400.
 *       {@code failover_timeout} is honoured when a stream breaks on the same leader (0 removes the
 *       framework at once, as in Mesos) but not across a master failover.</li>
 *   <li>The allocator offers each free agent to each unsuppressed framework in subscription order
 *       every {@code allocationInterval}, with no DRF, quota, weights or offer timeout. Filters are
 *       per framework and agent, not per role. Only unreserved cpus, mem, disk and ports exist;
 *       RESERVE, CREATE and other operations are ignored; LAUNCH_GROUP tasks get TASK_ERROR.</li>
 *   <li>In real mode only custom executors run: a command task fails with
 *       REASON_CONTAINER_LAUNCH_FAILED. The fetcher copies files and does HTTP(S) GETs; it never
 *       extracts archives or caches. Executors are plain child processes (no containerizer, no
 *       isolation, no resource limits); SHUTDOWN and crashes SIGKILL the process tree.</li>
 *   <li>Tasks still active when a SHUTDOWN's grace ends become TASK_LOST (reason
 *       REASON_EXECUTOR_TERMINATED), for partition-aware frameworks too.</li>
 *   <li>The agent never sends executors HEARTBEAT events, and when an executor's stream breaks it
 *       waits for the executor to subscribe again (no recovery timeout, no checkpoint-dependent
 *       shutdown).</li>
 *   <li>A stub executor ends (FAILURE with status 0) once all its tasks are terminal.</li>
 *   <li>No authentication, no operator API ({@code /api/v1}), no maintenance (inverse offers),
 *       no operation status updates.</li>
 * </ul>
 */
package io.berth.scheduler.testing.mesos;
