package io.berth.scheduler.bench;

import java.util.List;

/** One task placed by an engine, as the checker sees it. */
record Placement(String taskId, String hostname, List<Integer> ports) {
}
