package io.berth.scheduler.core.matching;

/** An inclusive range of host ports, as Mesos offers them. */
public record PortRange(int begin, int end) {
    public PortRange {
        if (begin < 1 || end > 65535 || begin > end) {
            throw new IllegalArgumentException("port range must satisfy 1 <= begin <= end <= 65535, was "
                    + begin + "-" + end);
        }
    }

    public static PortRange of(int begin, int end) {
        return new PortRange(begin, end);
    }

    public int size() {
        return end - begin + 1;
    }

    @Override
    public String toString() {
        return begin + "-" + end;
    }
}
