package io.berth.scheduler.testing.mesos;

/** A live executor process started by an emulated agent. */
public record ExecutorProcessView(String agentId, String frameworkId, String executorId, long pid) {}
