package io.berth.scheduler.core.matching;

/**
 * Scalar resources: cpus, memory and disk in MB, gpus. Mesos keeps scalars as fixed point with
 * three decimals; the matcher does the same (see {@link #thousandths(double)}), so sums never drift.
 */
public record Resources(double cpus, double memMb, double diskMb, double gpus) {
    public static final Resources NONE = new Resources(0, 0, 0, 0);

    public Resources {
        check("cpus", cpus);
        check("memMb", memMb);
        check("diskMb", diskMb);
        check("gpus", gpus);
    }

    public static Resources of(double cpus, double memMb) {
        return new Resources(cpus, memMb, 0, 0);
    }

    public Resources withCpus(double value) {
        return new Resources(value, memMb, diskMb, gpus);
    }

    public Resources withMemMb(double value) {
        return new Resources(cpus, value, diskMb, gpus);
    }

    public Resources withDiskMb(double value) {
        return new Resources(cpus, memMb, value, gpus);
    }

    public Resources withGpus(double value) {
        return new Resources(cpus, memMb, diskMb, value);
    }

    /** A scalar in Mesos' fixed point: thousandths, rounded. */
    public static long thousandths(double value) {
        return Math.round(value * 1000.0);
    }

    static Resources ofThousandths(long cpus, long mem, long disk, long gpus) {
        return new Resources(cpus / 1000.0, mem / 1000.0, disk / 1000.0, gpus / 1000.0);
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
