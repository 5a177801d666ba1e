package io.berth.scheduler.core.instances;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of one instance, which is also its task id, in Marathon's form
 * {@code <app id with '/' replaced by '_', leading '_' stripped>.<uuid>}: app {@code /team/web}
 * gives {@code team_web.6f0f…}. App id segments never contain {@code '_'} and the uuid never
 * contains {@code '.'}, so the app id can be read back from the task id.
 */
public record InstanceId(String value) {

  private static final Pattern FORMAT =
      Pattern.compile("^[a-z0-9]([a-z0-9\\-._]*[a-z0-9])?\\.[A-Za-z0-9\\-]+$");

  public InstanceId {
    requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not an instance id: '" + value + "' (expected <app_id_with_underscores>.<uuid>)");
    }
  }

  /** The id for a new instance of {@code appId}; the uuid is the caller's, never made here. */
  public static InstanceId forApp(String appId, String uuid) {
    requireNonNull(appId, "appId");
    requireNonNull(uuid, "uuid");
    String prefix = appId.replace('/', '_');
    while (prefix.startsWith("_")) {
      prefix = prefix.substring(1);
    }
    return new InstanceId(prefix + "." + uuid);
  }

  public static InstanceId forApp(String appId, UUID uuid) {
    return forApp(appId, uuid.toString());
  }

  /** True when {@code value} has the form of an instance id (tasks of other frameworks may not). */
  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  /** The app id this instance belongs to, e.g. {@code /team/web}. */
  public String appId() {
    return "/" + value.substring(0, value.lastIndexOf('.')).replace('_', '/');
  }

  /** The part after the app prefix. */
  public String uuid() {
    return value.substring(value.lastIndexOf('.') + 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
