package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * One value of an app's {@code env}: either plain text ({@code "X": "v"}) or a reference to a
 * declared secret ({@code "X": {"secret": "secret0"}}), as Marathon accepts.
 */
public record EnvValue(String value, String secret) {

  public EnvValue {
    if ((value == null) == (secret == null)) {
      throw new IllegalArgumentException("an env value is either text or a secret reference");
    }
  }

  public static EnvValue of(String value) {
    return new EnvValue(value, null);
  }

  public static EnvValue secretRef(String secret) {
    return new EnvValue(null, secret);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static EnvValue fromJson(Object json) {
    if (json instanceof String s) {
      return of(s);
    }
    if (json instanceof Map<?, ?> map && map.size() == 1 && map.get("secret") instanceof String s) {
      return secretRef(s);
    }
    throw new IllegalArgumentException("must be a string or {\"secret\": \"<name>\"}");
  }

  @JsonValue
  Object toJson() {
    return value != null ? value : Map.of("secret", secret);
  }

  public boolean isSecret() {
    return secret != null;
  }
}
