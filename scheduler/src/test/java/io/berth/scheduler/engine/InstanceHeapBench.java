package io.berth.scheduler.engine;

import io.berth.scheduler.core.instances.Goal;
import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark (not a test): the scheduler's heap per tracked task. Fills the engine's in-memory
 * book with N running instances (as the engine holds them; the ZooKeeper store keeps nothing in
 * the JVM) over {@code apps} apps, and prints the retained heap per instance.
 * Run: deploy/bin/bench-heap [N]
 */
public final class InstanceHeapBench {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int apps = Math.max(1, n / 10);
    long before = usedAfterGc();
    InstanceBook book = new InstanceBook();
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    for (int i = 0; i < n; i++) {
      String appId = "/team-" + (i % 100) + "/app-" + (i % apps);
      InstanceId id = InstanceId.forApp(appId, UUID.randomUUID());
      Instant staged = now.plusMillis(i);
      book.put(new Instance(id, appId, "2026-11-26T11:00:00.000Z", "agent-" + (i % 1000),
          "host-" + (i % 1000) + ".example.com", List.of(31000 + i % 1000, 31001 + i % 1000),
          InstanceState.RUNNING, Boolean.TRUE, staged, staged.plusSeconds(2), staged.plusSeconds(2), null,
          Goal.RUNNING));
    }
    long after = usedAfterGc();
    System.out.printf("tasks=%d apps=%d heap_bytes=%d bytes_per_task=%d%n", book.instances.size(), apps,
        after - before, (after - before) / n);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
