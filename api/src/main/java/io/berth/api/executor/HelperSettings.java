package io.berth.api.executor;

/**
 * Internal: the helper containers of a pod. A command, when set, runs with {@code /bin/sh -c} in
 * the helper instead of its image's own command. Whether helpers run for one app is decided by the
 * scheduler (global switch and the app's {@code berth.helpers} label) before it builds this.
 */
public record HelperSettings(
    boolean fluentd,
    String fluentdImage,
    String fluentdCommand,
    boolean sensu,
    String sensuImage,
    String sensuCommand,
    String sensuBackendUrl,
    String sensuNamespace) {

  public static HelperSettings off() {
    return new HelperSettings(false, null, null, false, null, null, null, null);
  }
}
