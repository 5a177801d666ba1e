package io.berth.scheduler.testing.mesos;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * Unreserved agent resources: cpus, mem and disk in thousandths (Mesos' fixed point), ports as a
 * bit set. Immutable by convention: the bit set is never changed once a value holds it (so values
 * may share it, which keeps the allocator cheap with thousands of tasks). Roles and allocation
 * info are ignored when reading and added when writing.
 */
record Res(long cpus, long mem, long disk, BitSet ports) {

  static final Res EMPTY = new Res(0, 0, 0, new BitSet());

  static Res of(double cpus, double mem, double disk, int[] portRange) {
    BitSet ports = new BitSet();
    if (portRange != null && portRange.length == 2) {
      ports.set(portRange[0], portRange[1] + 1);
    }
    return new Res(milli(cpus), milli(mem), milli(disk), ports);
  }

  static long milli(double v) {
    return Math.round(v * 1000);
  }

  /** Sums the resources of a task or executor; unknown names (gpus...) go to {@code unknown}. */
  static Res from(List<Resource> resources, List<String> unknown) {
    long cpus = 0;
    long mem = 0;
    long disk = 0;
    BitSet ports = new BitSet();
    for (Resource r : resources) {
      switch (r.getName()) {
        case "cpus" -> cpus += milli(r.getScalar().getValue());
        case "mem" -> mem += milli(r.getScalar().getValue());
        case "disk" -> disk += milli(r.getScalar().getValue());
        case "ports" -> {
          for (Value.Range range : r.getRanges().getRangeList()) {
            if (range.getBegin() < 0 || range.getEnd() > 65535 || range.getBegin() > range.getEnd()) {
              unknown.add("ports " + range.getBegin() + "-" + range.getEnd());
            } else {
              ports.set((int) range.getBegin(), (int) range.getEnd() + 1);
            }
          }
        }
        default -> unknown.add(r.getName());
      }
    }
    return new Res(cpus, mem, disk, ports);
  }

  Res plus(Res o) {
    BitSet p = ports;
    if (p.isEmpty()) {
      p = o.ports;
    } else if (!o.ports.isEmpty()) {
      p = (BitSet) ports.clone();
      p.or(o.ports);
    }
    return new Res(cpus + o.cpus, mem + o.mem, disk + o.disk, p);
  }

  Res minus(Res o) {
    BitSet p = ports;
    if (!o.ports.isEmpty() && ports.intersects(o.ports)) {
      p = (BitSet) ports.clone();
      p.andNot(o.ports);
    }
    return new Res(Math.max(0, cpus - o.cpus), Math.max(0, mem - o.mem), Math.max(0, disk - o.disk), p);
  }

  boolean contains(Res o) {
    if (cpus < o.cpus || mem < o.mem || disk < o.disk) {
      return false;
    }
    if (o.ports.isEmpty()) {
      return true;
    }
    BitSet extra = (BitSet) o.ports.clone();
    extra.andNot(ports);
    return extra.isEmpty();
  }

  boolean isEmpty() {
    return cpus == 0 && mem == 0 && disk == 0 && ports.isEmpty();
  }

  /** What the built-in allocator would offer: at least 0.01 cpus or 32 MB of memory. */
  boolean allocatable() {
    return cpus >= 10 || mem >= 32_000;
  }

  /** The offer's resources: {@code role "*"} and the framework's allocation role. */
  @SuppressWarnings("deprecation") // Resource.role: the pre-refinement format Mesos shows such frameworks
  List<Resource> toProto(String allocationRole) {
    List<Resource> out = new ArrayList<>();
    scalar(out, "cpus", cpus, allocationRole);
    scalar(out, "mem", mem, allocationRole);
    scalar(out, "disk", disk, allocationRole);
    if (!ports.isEmpty()) {
      Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
      for (int b = ports.nextSetBit(0); b >= 0; ) {
        int e = ports.nextClearBit(b);
        ranges.addRange(Value.Range.newBuilder().setBegin(b).setEnd(e - 1));
        b = ports.nextSetBit(e);
      }
      out.add(base("ports", Value.Type.RANGES, allocationRole).setRanges(ranges).build());
    }
    return out;
  }

  private static void scalar(List<Resource> out, String name, long milli, String allocationRole) {
    if (milli > 0) {
      out.add(base(name, Value.Type.SCALAR, allocationRole)
          .setScalar(Value.Scalar.newBuilder().setValue(milli / 1000.0)).build());
    }
  }

  @SuppressWarnings("deprecation")
  private static Resource.Builder base(String name, Value.Type type, String allocationRole) {
    return Resource.newBuilder().setName(name).setType(type).setRole("*")
        .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(allocationRole));
  }

  @Override
  public String toString() {
    return "cpus:" + cpus / 1000.0 + ";mem:" + mem / 1000.0 + ";disk:" + disk / 1000.0 + ";ports:" + ports;
  }
}
