package io.berth.executor.pod;

import io.berth.executor.docker.ContainerRuntime;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a runner shares with the pods it watches: the engine, the listener, the clock, a timer
 * that only schedules, and workers for blocking work (probes, teardowns).
 */
record RunnerContext(ContainerRuntime runtime, PodListener listener, Clock clock, ScheduledExecutorService timer,
    ExecutorService workers) {}
