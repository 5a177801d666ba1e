package io.berth.scheduler.cluster.mesos;

import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleShare;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits what the matcher took from an offer for one task (the app's resources plus the executor's)
 * into the executor's part and the task's part, role by role, in thousandths as Mesos counts. The
 * ports all go to the task. Pure.
 */
record ShareSplit(List<RoleShare> executor, List<RoleShare> task) {

  static ShareSplit of(List<RoleShare> shares, Resources overhead) {
    long[] left = {
        Resources.thousandths(overhead.cpus()), Resources.thousandths(overhead.memMb()),
        Resources.thousandths(overhead.diskMb()), Resources.thousandths(overhead.gpus())};
    List<RoleShare> executor = new ArrayList<>();
    List<RoleShare> task = new ArrayList<>();
    for (RoleShare share : shares) {
      long[] has = thousandths(share.scalars());
      long[] exec = new long[4];
      long[] rest = new long[4];
      for (int i = 0; i < 4; i++) {
        exec[i] = Math.min(has[i], left[i]);
        left[i] -= exec[i];
        rest[i] = has[i] - exec[i];
      }
      if (any(exec)) {
        executor.add(new RoleShare(share.role(), resources(exec), List.of()));
      }
      if (any(rest) || !share.ports().isEmpty()) {
        task.add(new RoleShare(share.role(), resources(rest), share.ports()));
      }
    }
    if (any(left)) {
      throw new IllegalArgumentException("the task's share " + shares + " does not hold the executor's " + overhead);
    }
    return new ShareSplit(executor, task);
  }

  private static long[] thousandths(Resources r) {
    return new long[] {
        Resources.thousandths(r.cpus()), Resources.thousandths(r.memMb()),
        Resources.thousandths(r.diskMb()), Resources.thousandths(r.gpus())};
  }

  private static Resources resources(long[] t) {
    return new Resources(t[0] / 1000.0, t[1] / 1000.0, t[2] / 1000.0, t[3] / 1000.0);
  }

  private static boolean any(long[] values) {
    for (long v : values) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }
}
