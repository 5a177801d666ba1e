package io.berth.scheduler.engine;

import java.util.UUID;

/** Where deployment ids come from; random UUIDs in production, a sequence in tests. */
public interface DeploymentIds {
  String next();

  static DeploymentIds random() {
    return () -> UUID.randomUUID().toString();
  }
}
