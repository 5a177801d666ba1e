package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds offers for tests: {@code anOffer("agent-1").withCpus(4).withPorts(31000, 31009).build()}. */
final class OfferBuilder {
    private final String agent;
    private String id;
    private Resources unreserved = new Resources(8, 16384, 100000, 0);
    private final List<PortRange> ports = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<RoleResources> reserved = new ArrayList<>();

    private OfferBuilder(String agent) {
        this.agent = agent;
        this.id = "offer-" + agent;
    }

    static OfferBuilder anOffer(String agent) {
        return new OfferBuilder(agent);
    }

    OfferBuilder withId(String offerId) {
        this.id = offerId;
        return this;
    }

    OfferBuilder withCpus(double cpus) {
        unreserved = unreserved.withCpus(cpus);
        return this;
    }

    OfferBuilder withMem(double mem) {
        unreserved = unreserved.withMemMb(mem);
        return this;
    }

    OfferBuilder withDisk(double disk) {
        unreserved = unreserved.withDiskMb(disk);
        return this;
    }

    OfferBuilder withGpus(double gpus) {
        unreserved = unreserved.withGpus(gpus);
        return this;
    }

    OfferBuilder withPorts(int begin, int end) {
        ports.add(PortRange.of(begin, end));
        return this;
    }

    OfferBuilder withAttribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    OfferBuilder withReserved(String role, Resources scalars, PortRange... rolePorts) {
        reserved.add(new RoleResources(role, scalars, List.of(rolePorts)));
        return this;
    }

    /** Drops the unreserved part: the offer holds only its reservations. */
    OfferBuilder withNothingUnreserved() {
        unreserved = null;
        return this;
    }

    Offer build() {
        List<RoleResources> resources = new ArrayList<>(reserved);
        if (unreserved != null) {
            resources.add(RoleResources.unreserved(unreserved, ports));
        }
        return new Offer(new OfferId(id), new AgentId(agent), agent, attributes, resources);
    }
}
