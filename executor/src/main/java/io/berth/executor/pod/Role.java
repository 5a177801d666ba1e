package io.berth.executor.pod;

/** What a container does in a pod; the value of its {@code berth.role} label. */
public enum Role {
  FLUENTD("fluentd"),
  APP("app"),
  SENSU("sensu");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Role fromLabel(String label) {
    for (Role r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown berth.role: " + label);
  }
}
