package io.berth.api.model;

/** The shell command of a COMMAND health check. */
public record Command(String value) {}
