package io.berth.api.model;

/** Where a declared secret comes from (a name the secret store understands). */
public record SecretSource(String source) {}
