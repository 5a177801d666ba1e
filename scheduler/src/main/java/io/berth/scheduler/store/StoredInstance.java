package io.berth.scheduler.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.berth.scheduler.core.instances.Goal;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import java.time.Instant;
import java.util.List;

/** The JSON form of an instance record: the core's record stays free of storage concerns. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredInstance(String id, String appId, String appVersion, String agentId, String host,
                      List<Integer> hostPorts, String state, Boolean healthy, Long stagedAt, Long startedAt,
                      long stateChangedAt, String message, String goal) {

  static StoredInstance of(Instance i) {
    return new StoredInstance(i.id().value(), i.appId(), i.appVersion(), i.agentId(), i.host(), i.hostPorts(),
        i.state().name(), i.healthy(), millis(i.stagedAt()), millis(i.startedAt()),
        i.stateChangedAt().toEpochMilli(), i.message(), i.goal().name());
  }

  Instance toInstance() {
    return new Instance(new InstanceId(id), appId, appVersion, agentId, host, hostPorts,
        InstanceState.valueOf(state), healthy, instant(stagedAt), instant(startedAt),
        Instant.ofEpochMilli(stateChangedAt), message, Goal.valueOf(goal));
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
