package io.berth.api.model;

/** One broken rule: the JSON pointer of the field and the rule, in words. */
public record Violation(String path, String message) {}
