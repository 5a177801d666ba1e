package io.berth.scheduler.testing.mesos;

/** A task as the leading master sees it; {@code state} is a {@code TaskState} name. */
public record TaskView(String frameworkId, String taskId, String agentId, String executorId, String state) {}
