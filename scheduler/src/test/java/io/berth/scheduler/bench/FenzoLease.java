package io.berth.scheduler.bench;

import com.netflix.fenzo.VirtualMachineLease;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;

/** A whole benchmark agent as one Fenzo lease. No Mesos offer behind it, so {@link #getOffer()} is null. */
final class FenzoLease implements VirtualMachineLease {
    private final String id;
    private final String hostname;
    private final long offeredTime;

    FenzoLease(Workload.Agent agent, long offeredTime) {
        this.id = "offer-" + agent.index();
        this.hostname = agent.hostname();
        this.offeredTime = offeredTime;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getOfferedTime() {
        return offeredTime;
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public String getVMID() {
        return hostname;
    }

    @Override
    public double cpuCores() {
        return Workload.AGENT_CPUS;
    }

    @Override
    public double memoryMB() {
        return Workload.AGENT_MEM;
    }

    @Override
    public double networkMbps() {
        return 0;
    }

    @Override
    public double diskMB() {
        return Workload.AGENT_DISK;
    }

    @Override
    public List<Range> portRanges() {
        return List.of(new Range(Workload.PORTS_BEGIN, Workload.PORTS_END));
    }

    @Override
    public Protos.Offer getOffer() {
        return null;
    }

    @Override
    public Map<String, Protos.Attribute> getAttributeMap() {
        return Collections.emptyMap(); // Fenzo looks up a null key here; Map.of() would throw
    }

    @Override
    public Double getScalarValue(String name) {
        return null;
    }

    @Override
    public Map<String, Double> getScalarValues() {
        return Collections.emptyMap();
    }
}
