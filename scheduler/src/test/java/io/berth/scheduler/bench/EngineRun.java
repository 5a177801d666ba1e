package io.berth.scheduler.bench;

import java.util.List;

/** What one timed run of an engine produced. */
record EngineRun(List<Placement> placements, long nanos) {
}
