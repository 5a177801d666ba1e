package io.berth.scheduler.testing.mesos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;

/** Everything {@link MesosCluster.Builder} collects; read by the master and the agents. */
record Settings(
    int masters,
    int agents,
    double cpus,
    double memMb,
    double diskMb,
    IntFunction<int[]> agentPorts,
    IntFunction<String> agentHostname,
    IntFunction<Map<String, String>> agentAttributes,
    Duration heartbeatInterval,
    Duration allocationInterval,
    Duration updateRetry,
    Duration executorRegistrationTimeout,
    Duration reregisterDelay,
    Duration noLeaderFor,
    ExecutorMode executors,
    Path workDir) {
}
