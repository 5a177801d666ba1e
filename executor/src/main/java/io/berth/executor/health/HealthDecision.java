package io.berth.executor.health;

import io.berth.api.model.HealthCheckResult;

/**
 * What one probe result means for the task.
 *
 * @param result the check's state after the probe, as the API shows it; null before any counted result
 * @param changed whether the task's view of this check changed (alive flipped, or first result)
 * @param kill whether the task must be killed now: {@code maxConsecutiveFailures} reached
 */
public record HealthDecision(HealthCheckResult result, boolean changed, boolean kill) {}
