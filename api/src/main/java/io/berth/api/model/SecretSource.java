package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where a declared secret comes from (a name the secret store understands). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretSource(String source) {}
