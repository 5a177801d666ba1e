package io.berth.scheduler.core.matching;

/** What a round decided for one waiting instance: a {@link Launch} or, with reasons, {@link Unplaced}. */
public sealed interface Decision permits Launch, Unplaced {
    String instanceId();

    String appId();
}
